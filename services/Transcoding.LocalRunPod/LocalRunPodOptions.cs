using System.ComponentModel.DataAnnotations;
using Transcoding.Shared.Webhooks;

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

    /// <summary>
    /// Passed to every worker; nested keys (<c>Storage:LocalRoot</c>) become <c>Storage__LocalRoot</c>. Workers inherit
    /// nothing else from this host but PATH, HOME, locale, certificate and DOTNET_/OTEL_ variables.
    /// </summary>
    public Dictionary<string, string> WorkerEnvironment { get; set; } = [];

    public TimeSpan WorkerRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>job-take</c> holds a request open when the queue is empty; below <see cref="SdkPollBound"/>.</summary>
    public TimeSpan JobTakeWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <c>job-stop</c> holds a request open when nothing is to stop; below <see cref="SdkPollBound"/>.</summary>
    public TimeSpan JobStopWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a worker has, once a stop of its job is signalled (cancel, execution timeout), to acknowledge it before a
    /// spawned worker is killed: a ping no longer naming the job, a <c>job-take</c> with <c>job_in_progress=0</c>, or a
    /// result for the job.
    /// </summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A stop not yet acknowledged is answered again on <c>job-stop</c> at most this often: the SDK polls again at once
    /// after a non-empty answer (<c>rp_scale.py:302-305</c>), and a lost answer must not lose the stop.
    /// </summary>
    public TimeSpan StopResendInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Given to workers as <c>RUNPOD_PING_INTERVAL</c> (ms); whole seconds, since the SDK floors it to seconds (<c>rp_ping.py:31</c>).</summary>
    public TimeSpan WorkerPingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A worker that has pinged and holds a job is dead after this long without a ping (nor a take): its jobs fail as for a
    /// crash. More than twice <see cref="WorkerPingInterval"/>, the SDK's own timeout of one ping (<c>rp_ping.py:108</c>).
    /// </summary>
    public TimeSpan WorkerPingTimeout { get; set; } = TimeSpan.FromSeconds(60);

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

    /// <summary>
    /// For load tests only: the endpoint completes every job itself at once (<see cref="Instant.InstantCompletion"/>)
    /// instead of handing it to a worker process; needs <see cref="Workers"/> = 0, <see cref="InstantCallbackSecret"/>
    /// and the <c>Storage</c> section of the bucket the rest of the system reads.
    /// </summary>
    public bool InstantCompletion { get; set; }

    /// <summary>The <c>whsec_</c> secret the instant completion signs its callbacks with (the worker's <c>Worker:CallbackSecret</c>); never logged.</summary>
    public string? InstantCallbackSecret { get; set; }

    /// <summary>How many jobs the instant completion handles at once (storage writes and callbacks in flight).</summary>
    [Range(1, 1024)]
    public int InstantConcurrency { get; set; } = 32;

    /// <summary>runpod-python gives up on a <c>job-take</c> or <c>job-stop</c> poll after 90 s (<c>rp_scale.py:56,62</c>).</summary>
    public static readonly TimeSpan SdkPollBound = TimeSpan.FromSeconds(90);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, wait) in new[] { (nameof(JobTakeWait), JobTakeWait), (nameof(JobStopWait), JobStopWait) })
        {
            if (wait < TimeSpan.Zero || wait >= SdkPollBound)
            {
                yield return new ValidationResult(
                    $"LocalRunPod:{name} must be at least 0 and below 90 s: runpod-python abandons a poll after 90 s (rp_scale.py:56,62), so a longer hold loses the answer.",
                    [name]);
            }
        }

        foreach (var (name, span) in new[] { (nameof(StopGracePeriod), StopGracePeriod), (nameof(StopResendInterval), StopResendInterval) })
        {
            if (span <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"LocalRunPod:{name} must be positive.", [name]);
            }
        }

        if (WorkerPingInterval < TimeSpan.FromSeconds(1) || WorkerPingInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            yield return new ValidationResult(
                "LocalRunPod:WorkerPingInterval must be whole seconds, at least 1: runpod-python floors RUNPOD_PING_INTERVAL to seconds (rp_ping.py:31), so 1.5 s would ping every 1 s and 0.5 s in a busy loop.",
                [nameof(WorkerPingInterval)]);
        }

        if (WorkerPingTimeout <= 2 * WorkerPingInterval)
        {
            yield return new ValidationResult(
                "LocalRunPod:WorkerPingTimeout must exceed twice LocalRunPod:WorkerPingInterval: one ping may take up to 2 intervals (rp_ping.py:108), and a live worker must not be declared dead.",
                [nameof(WorkerPingTimeout)]);
        }

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

        foreach (var problem in InstantCompletionProblems())
        {
            yield return problem;
        }
    }

    private IEnumerable<ValidationResult> InstantCompletionProblems()
    {
        if (!InstantCompletion)
        {
            yield break;
        }

        if (Workers != 0)
        {
            yield return new ValidationResult(
                "LocalRunPod:Workers must be 0 when LocalRunPod:InstantCompletion is on: the endpoint completes every job itself, a worker would never get one.",
                [nameof(Workers)]);
        }

        string? secretProblem = null;
        try
        {
            WebhookSecret.Parse(InstantCallbackSecret ?? "");
        }
        catch (ArgumentException)
        {
            secretProblem = "is required";
        }
        catch (FormatException)
        {
            secretProblem = "must be 'whsec_' followed by base64";
        }

        if (secretProblem is not null)
        {
            yield return new ValidationResult(
                $"LocalRunPod:InstantCallbackSecret {secretProblem} when LocalRunPod:InstantCompletion is on: the callbacks are signed as the worker signs them (the gateway's Webhooks:Secrets).",
                [nameof(InstantCallbackSecret)]);
        }
    }
}
