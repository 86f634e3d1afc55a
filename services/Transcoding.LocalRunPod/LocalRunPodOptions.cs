using System.ComponentModel.DataAnnotations;

namespace Transcoding.LocalRunPod;

/// <summary>Section <c>LocalRunPod</c>: our stand-in for a RunPod serverless endpoint and its workers.</summary>
public sealed class LocalRunPodOptions : IValidatableObject
{
    public const string SectionName = "LocalRunPod";

    /// <summary>Clients send it as <c>Authorization: Bearer</c>, workers as the raw header value; never logged.</summary>
    [Required(ErrorMessage = "LocalRunPod:ApiKey is required (set LocalRunPod__ApiKey; the dispatcher's RunPod:ApiKey must match).")]
    public string ApiKey { get; set; } = "";

    [Required(ErrorMessage = "LocalRunPod:EndpointId is required.")]
    public string EndpointId { get; set; } = "local";

    /// <summary>The base URL workers use to reach this server; discovered from the bound address when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    [Range(0, 64)]
    public int Workers { get; set; } = 1;

    /// <summary>The worker program, e.g. <c>dotnet</c>.</summary>
    public string? WorkerCommand { get; set; }

    /// <summary>Its arguments as one command line (quote paths with spaces), e.g. the path of <c>Transcoding.Worker.dll</c>.</summary>
    public string WorkerArguments { get; set; } = "";

    public string? WorkerWorkingDirectory { get; set; }

    /// <summary>Passed to every worker; nested keys (<c>Storage:LocalRoot</c>) become <c>Storage__LocalRoot</c>.</summary>
    public Dictionary<string, string> WorkerEnvironment { get; set; } = [];

    public TimeSpan WorkerRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>job-take</c> holds a request open when the queue is empty.</summary>
    public TimeSpan JobTakeWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>RunPod's endpoint default when a job has no <c>policy.executionTimeout</c>.</summary>
    public TimeSpan DefaultExecutionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long <c>/status</c> still knows a job submitted with <c>/run</c> after it ended.</summary>
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The same for <c>/runsync</c> jobs.</summary>
    public TimeSpan SyncResultRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <c>/runsync</c> waits for the end before answering with the current status; <c>?wait=ms</c> overrides it.</summary>
    public TimeSpan RunSyncWait { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan MaxRunSyncWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries after the first failed one (RunPod: 2, 10 s apart).</summary>
    [Range(0, 10)]
    public int WebhookRetries { get; set; } = 2;

    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often timeouts and expired results are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Workers > 0 && string.IsNullOrWhiteSpace(WorkerCommand))
        {
            yield return new ValidationResult(
                "LocalRunPod:WorkerCommand is required when LocalRunPod:Workers > 0 (e.g. dotnet, with LocalRunPod:WorkerArguments = the path of Transcoding.Worker.dll).",
                [nameof(WorkerCommand)]);
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl) && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("LocalRunPod:PublicBaseUrl must be an absolute URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
