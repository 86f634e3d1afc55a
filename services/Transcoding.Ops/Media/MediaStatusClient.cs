using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;

namespace Transcoding.Ops.Media;

/// <summary>The orchestrator's status API; its answers mapped to the CLI's exit codes.</summary>
public sealed class MediaStatusClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The orchestrator's API-key header (its <c>Auth</c> scheme).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Sends <see cref="OpsOptions.ApiKey"/> as <see cref="ApiKeyHeader"/>, else <see cref="OpsOptions.Token"/>
    /// as a bearer token, on every request (trimmed); nothing without either. Both are validated at start-up
    /// (<see cref="HeaderValueAttribute"/>) and added with header validation, so neither can carry another header.</summary>
    public static void Authenticate(HttpClient http, OpsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            http.DefaultRequestHeaders.Add(ApiKeyHeader, options.ApiKey.Trim());
        }
        else if (!string.IsNullOrWhiteSpace(options.Token))
        {
            http.DefaultRequestHeaders.Add("Authorization", "Bearer " + options.Token.Trim());
        }
    }

    public async Task<MediaStatusAnswer> GetAsync(Uri api, string mediaId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(MediaUri(api, mediaId, ""), cancellationToken);
        await ThrowOnErrorAsync(response, mediaId, cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = JsonSerializer.Deserialize<MediaStatus>(json, Json)
            ?? throw new OpsException(ExitCodes.Failure, "the status API answered an empty body");
        return new MediaStatusAnswer(status, json);
    }

    /// <summary>Asks for a retry or a cancel (body <c>{requestedBy, reason}</c>, a null reason left to the API);
    /// returns when the orchestrator accepted it (202).</summary>
    public async Task RequestAsync(Uri api, string mediaId, MediaRequest request, string requestedBy, string? reason, CancellationToken cancellationToken)
    {
        var path = "/" + request.ToString().ToLowerInvariant();
        using var response = await http.PostAsJsonAsync(MediaUri(api, mediaId, path), new { requestedBy, reason }, Json, cancellationToken);
        await ThrowOnErrorAsync(response, mediaId, cancellationToken);
    }

    private static Uri MediaUri(Uri api, string mediaId, string suffix) =>
        new(api, $"media/{Uri.EscapeDataString(mediaId)}{suffix}");

    private static async Task ThrowOnErrorAsync(HttpResponseMessage response, string mediaId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var reason = await ReasonAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new OpsException(ExitCodes.NotFound, $"media item {mediaId} not found"),
            HttpStatusCode.Conflict => new OpsException(ExitCodes.Conflict, $"refused: {reason}"),
            HttpStatusCode.BadRequest => new OpsException(ExitCodes.Usage, $"bad request: {reason}"),
            HttpStatusCode.Unauthorized => new OpsException(ExitCodes.Unavailable, "the status API refused the credentials (401): set Ops:ApiKey or Ops:Token"),
            HttpStatusCode.Forbidden => new OpsException(ExitCodes.Unavailable, "the status API refused access (403): this needs an operator's key or token"),
            _ => new OpsException(ExitCodes.Failure, $"the status API answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}"),
        };
    }

    /// <summary>The API writes its reasons as JSON strings (or problem details); fall back to the raw text.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.String => root.GetString() ?? "",
                JsonValueKind.Object when root.TryGetProperty("detail", out var detail) => detail.GetString() ?? body,
                JsonValueKind.Object when root.TryGetProperty("title", out var title) => title.GetString() ?? body,
                _ => body,
            };
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
