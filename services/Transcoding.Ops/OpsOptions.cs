using System.ComponentModel.DataAnnotations;
using Transcoding.Shared;

namespace Transcoding.Ops;

/// <summary>Defaults for the connection options, from configuration (<c>Ops__RabbitMqUri</c>, ...).</summary>
public sealed class OpsOptions : IValidatableObject
{
    public const string Section = "Ops";

    [Required, Url]
    public string ApiUrl { get; set; } = "http://127.0.0.1:8080";

    [Required]
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    [Required, Url]
    public string ManagementUrl { get; set; } = "http://127.0.0.1:15672";

    /// <summary>An API key of the orchestrator (<c>Auth:ApiKeys</c>), sent as <c>X-Api-Key</c> to the status API.</summary>
    [HeaderValue("Ops:ApiKey")]
    public string? ApiKey { get; set; }

    /// <summary>A bearer token from the orchestrator's OpenID Connect issuer, sent as <c>Authorization: Bearer</c>.</summary>
    [HeaderValue("Ops:Token")]
    public string? Token { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Which one the API would take is not for the CLI to guess; neither value is named in the message.
        if (!string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("Set Ops:ApiKey or Ops:Token, not both.");
        }
    }
}
