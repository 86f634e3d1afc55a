using System.ComponentModel.DataAnnotations;
using Transcoding.Shared;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>Section <c>RunPod</c>: the serverless endpoint the dispatcher submits jobs to.</summary>
public sealed class RunPodOptions : IValidatableObject
{
    public const string SectionName = "RunPod";

    [Required(ErrorMessage = "RunPod:BaseUrl is required, e.g. https://api.runpod.ai.")]
    public string BaseUrl { get; set; } = "https://api.runpod.ai";

    [Required(ErrorMessage = "RunPod:EndpointId is required: the id of the serverless endpoint (set RunPod__EndpointId).")]
    public string EndpointId { get; set; } = "";

    /// <summary>Sent as <c>Authorization: Bearer</c>; never logged.</summary>
    [Required(ErrorMessage = "RunPod:ApiKey is required (set RunPod__ApiKey).")]
    [HeaderValue("RunPod:ApiKey")]
    public string ApiKey { get; set; } = "";

    /// <summary>The webhook gateway's public base URL; jobs call back to <c>/webhooks/transcode</c> and <c>/webhooks/runpod/...</c> under it.</summary>
    [Required(ErrorMessage = "RunPod:CallbackBaseUrl is required: the gateway's public base URL (set RunPod__CallbackBaseUrl).")]
    public string CallbackBaseUrl { get; set; } = "";

    /// <summary>Base64 key shared with the gateway (<c>Webhooks:RunPodTokenSecret</c>) for the RunPod webhook URL token.</summary>
    [Required(ErrorMessage = "RunPod:WebhookTokenSecret is required: base64 of random bytes, the same as the gateway's Webhooks:RunPodTokenSecret.")]
    public string WebhookTokenSecret { get; set; } = "";

    /// <summary>The smallest <c>policy.executionTimeout</c>: short clips still pay for a cold start and downloads.</summary>
    public TimeSpan MinExecutionTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MaxExecutionTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Execution time budgeted per GiB of source, on top of nothing: the floor covers small files.</summary>
    public TimeSpan ExecutionTimePerGigabyte { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a job may wait in RunPod's queue; <c>policy.ttl</c> is this plus the execution timeout.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>HTTP retries for 429, 5xx and timeouts (exponential backoff with jitter from <see cref="RetryBaseDelay"/>).</summary>
    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Redeliveries of a command whose RunPod call failed transiently, before it goes to the <c>_error</c> queue.</summary>
    [Range(0, 20)]
    public int MessageRetryLimit { get; set; } = 3;

    public TimeSpan MessageRetryMinInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MessageRetryMaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a command that met a configuration fault (<see cref="RunPodConfigurationException"/>) is delivered
    /// again: once the key or endpoint id is fixed, waiting items resume within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ConfigurationFaultRedeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Redeliveries for a configuration fault before the command goes to the <c>_error</c> queue (1440 = a day at the default interval).</summary>
    [Range(1, 100_000)]
    public int ConfigurationFaultRedeliveryLimit { get; set; } = 1440;

    /// <summary>
    /// On RabbitMQ, the queue of the durable scheduler that keeps those redeliveries: the orchestrator's PostgreSQL
    /// scheduler (<c>PostgresSchedulerOptions.QueueName</c>, default <c>scheduler</c>). The in-memory bus has its own.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9_.:-]+$", ErrorMessage = "RunPod:SchedulerQueue must be a queue name.")]
    public string SchedulerQueue { get; set; } = "scheduler";

    /// <summary>
    /// How long a dispatch claim without a job id blocks other deliveries of the same attempt (a crashed dispatcher's claim
    /// expires). Longer than <see cref="TotalTimeout"/> (validated): a live claim's <c>/run</c> may take that long, and a
    /// claim that lapsed under it would let another delivery submit the same attempt again.
    /// </summary>
    public TimeSpan DispatchClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a command that met another delivery's claim is delivered again (scheduled), for one and a half leases:
    /// a crashed dispatcher's claim expires meanwhile and the command is then submitted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan DispatchClaimRedeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait before reading again the usage of a job RunPod has not ended yet (the worker reports to
    /// us before it tells RunPod the job is done).</summary>
    public TimeSpan UsagePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>/status</c> reads per delivery of <c>MeasureTranscodeUsage</c> before the message is retried later.</summary>
    [Range(1, 100)]
    public int UsagePollAttempts { get; set; } = 12;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("RunPod:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrEmpty(CallbackBaseUrl) && !Uri.TryCreate(CallbackBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("RunPod:CallbackBaseUrl must be an absolute URL.", [nameof(CallbackBaseUrl)]);
        }

        if (!string.IsNullOrEmpty(WebhookTokenSecret) && !IsBase64(WebhookTokenSecret))
        {
            // The value is a secret: the message never repeats it.
            yield return new ValidationResult("RunPod:WebhookTokenSecret must be base64.", [nameof(WebhookTokenSecret)]);
        }

        if (UsagePollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("RunPod:UsagePollInterval must be positive.", [nameof(UsagePollInterval)]);
        }

        if (DispatchClaimLease <= TotalTimeout)
        {
            yield return new ValidationResult(
                "RunPod:DispatchClaimLease must be longer than RunPod:TotalTimeout: a claim that lapses while its own /run may still be in flight lets another delivery submit the same attempt again.",
                [nameof(DispatchClaimLease)]);
        }

        if (MinExecutionTimeout <= TimeSpan.Zero || MaxExecutionTimeout < MinExecutionTimeout)
        {
            yield return new ValidationResult("RunPod:MinExecutionTimeout must be positive and not above RunPod:MaxExecutionTimeout.");
        }
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out var written) && written > 0;
}
