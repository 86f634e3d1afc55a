using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Transcoding.Shared;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// RunPod's worker environment (<c>RUNPOD_*</c> variables), read in serverless mode only, under the names and
/// meanings runpod-python 1.12.0 gives them (rp_job.py:23, rp_http.py:16-19, rp_ping.py:29-31).
/// </summary>
public sealed class RunPodOptions : IValidatableObject
{
    /// <summary>The default of <c>RUNPOD_PING_INTERVAL</c>, in milliseconds (rp_ping.py:31).</summary>
    public const int DefaultPingIntervalMilliseconds = 10_000;

    /// <summary>Shortest accepted <c>RUNPOD_PING_INTERVAL</c>, in milliseconds: below it the heartbeat would be a busy loop.</summary>
    public const int MinPingIntervalMilliseconds = 100;

    /// <summary><c>RUNPOD_WEBHOOK_GET_JOB</c>: the job-take URL, <c>$ID</c> = this worker's id.</summary>
    [Required(ErrorMessage = "RUNPOD_WEBHOOK_GET_JOB is required in serverless mode.")]
    public string GetJobUrl { get; set; } = "";

    /// <summary><c>RUNPOD_WEBHOOK_POST_OUTPUT</c>: the job-done URL, <c>$RUNPOD_POD_ID</c> = worker id, <c>$ID</c> = job id.</summary>
    [Required(ErrorMessage = "RUNPOD_WEBHOOK_POST_OUTPUT is required in serverless mode.")]
    public string PostOutputUrl { get; set; } = "";

    [Required(ErrorMessage = "RUNPOD_POD_ID is required in serverless mode.")]
    public string PodId { get; set; } = "";

    /// <summary>Sent as the raw Authorization header, as RunPod's own SDK does. Never logged.</summary>
    [HeaderValue("RUNPOD_AI_API_KEY")]
    public string? ApiKey { get; set; }

    /// <summary><c>RUNPOD_WEBHOOK_PING</c>: the heartbeat URL, <c>$RUNPOD_POD_ID</c> = worker id; unset = no heartbeat.</summary>
    public string? PingUrl { get; set; }

    /// <summary>
    /// <c>RUNPOD_PING_INTERVAL</c> as written: whole milliseconds, default 10000. Kept as text so that a value which is
    /// not a number stops start-up with a message (the SDK's ping process crashes on it). Used in milliseconds: the
    /// SDK's floor to whole seconds (<c>int(...) // 1000</c>) would turn 500 into a busy loop.
    /// </summary>
    public string PingIntervalMilliseconds { get; set; } = DefaultPingIntervalMilliseconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Time between the end of one ping and the start of the next (the SDK sleeps after each: rp_ping.py:93-95).</summary>
    public TimeSpan PingInterval => TimeSpan.FromMilliseconds(ParsedPingInterval ?? DefaultPingIntervalMilliseconds);

    private int? ParsedPingInterval =>
        int.TryParse(PingIntervalMilliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) ? milliseconds : null;

    public void Bind(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        GetJobUrl = configuration["RUNPOD_WEBHOOK_GET_JOB"] ?? "";
        PostOutputUrl = configuration["RUNPOD_WEBHOOK_POST_OUTPUT"] ?? "";
        PodId = configuration["RUNPOD_POD_ID"] ?? "";
        ApiKey = configuration["RUNPOD_AI_API_KEY"];
        PingUrl = configuration["RUNPOD_WEBHOOK_PING"];
        if (!string.IsNullOrWhiteSpace(configuration["RUNPOD_PING_INTERVAL"]))
        {
            PingIntervalMilliseconds = configuration["RUNPOD_PING_INTERVAL"]!.Trim();
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParsedPingInterval is not >= MinPingIntervalMilliseconds)
        {
            yield return new ValidationResult(
                $"RUNPOD_PING_INTERVAL must be a whole number of milliseconds, at least {MinPingIntervalMilliseconds} (it is '{PingIntervalMilliseconds}').");
        }
    }
}
