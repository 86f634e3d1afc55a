using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// Readiness (<c>/health/ready</c>) of the dispatcher's RunPod configuration, as RunPod's last answers showed it:
/// unhealthy from a <see cref="RunPodConfigurationException"/> until the next successful RunPod call, with the
/// exception's reason and the time the fault was first seen (UTC, ISO 8601) as the description. The reason names
/// settings, never their values.
/// </summary>
public sealed class RunPodConfigurationHealth(TimeProvider time, ILogger<RunPodConfigurationHealth> logger) : IHealthCheck
{
    public const string Name = "runpod-configuration";

    private readonly Lock _lock = new();
    private (string Reason, DateTimeOffset Since)? _fault;

    /// <summary>The reason and first time of the current fault; null while RunPod accepts the configuration.</summary>
    public (string Reason, DateTimeOffset Since)? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    public void Faulted(RunPodConfigurationException exception)
    {
        lock (_lock)
        {
            if (_fault is null)
            {
                Log.ConfigurationFaulted(logger, exception.Message);
            }

            _fault = (exception.Message, _fault?.Since ?? time.GetUtcNow());
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            if (_fault is { } fault)
            {
                Log.ConfigurationAccepted(logger, fault.Since);
                _fault = null;
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Fault is { } fault
            ? new HealthCheckResult(context.Registration.FailureStatus, $"{fault.Reason} Since {fault.Since.UtcDateTime:O}.")
            : HealthCheckResult.Healthy());
}
