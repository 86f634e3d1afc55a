using System.Text.Json;
using Transcoding.Shared;

namespace Transcoding.Gateway.Endpoints;

/// <summary>Reads a webhook body as raw bytes, never more than the configured limit, and parses it only on request.</summary>
public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (declared or actual).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, limit));
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is not JSON of that shape.</summary>
    public static T? TryParse<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, JsonDefaults.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
