using System.Text.Json;

namespace Transcoding.Shared.Webhooks;

/// <summary>
/// The worker fails a RunPod job with its <see cref="CallbackError"/> as a JSON string, which RunPod hands back as the
/// job's <c>error</c> (in <c>/status</c> and in its webhook). When the signed callback was lost, this is how the
/// worker's verdict, permanent or not, still reaches the saga.
/// </summary>
public static class WorkerJobError
{
    public static CallbackError? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CallbackError>(text, JsonDefaults.Web) is { Code.Length: > 0, Message.Length: > 0 } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
