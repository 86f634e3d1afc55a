using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Transcoding.Orchestrator.Playback;

/// <summary>Section <c>Playback</c>: the links the dashboard plays outputs through (<c>GET /media/{id}/playback</c>).</summary>
public sealed class PlaybackOptions : IValidatableObject
{
    public const string SectionName = "Playback";

    public const int MinKeyBytes = 32;

    /// <summary>The HMAC-SHA256 key of the signed route <c>/playback/{id}/{path}</c>: a secret of at least 32 bytes of
    /// UTF-8 (<c>openssl rand -base64 32</c>), the same on every orchestrator instance. Never logged.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a playback link works, from <c>GET /media/{id}/playback</c>; 1 minute to 1 day, 1 hour by default.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Playback:UrlLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Encoding.UTF8.GetByteCount(SigningKey) < MinKeyBytes)
        {
            // The length only: the message may be logged.
            yield return new ValidationResult(
                $"Playback:SigningKey must be a secret of at least {MinKeyBytes} bytes (e.g. openssl rand -base64 32); it has {Encoding.UTF8.GetByteCount(SigningKey)}.");
        }
    }
}
