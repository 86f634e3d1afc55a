using System.ComponentModel.DataAnnotations;

namespace Transcoding.Ops;

/// <summary>Defaults for the connection options, from configuration (<c>Ops__RabbitMqUri</c>, ...).</summary>
public sealed class OpsOptions
{
    public const string Section = "Ops";

    [Required, Url]
    public string ApiUrl { get; set; } = "http://127.0.0.1:8080";

    [Required]
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    [Required, Url]
    public string ManagementUrl { get; set; } = "http://127.0.0.1:15672";
}
