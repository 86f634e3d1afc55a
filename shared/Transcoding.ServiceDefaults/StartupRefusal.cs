using Microsoft.Extensions.Hosting;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// A setting refused by a check that can only run once the host has started (the orchestrator's listening addresses,
/// known once bound): the check records the reason here and stops the application instead of throwing, which the host
/// would log with a stack trace; <see cref="ConfigurationRefusal"/> then ends the process with the reason and exit code 3.
/// </summary>
public sealed class StartupRefusal(IHostApplicationLifetime lifetime)
{
    /// <summary>The refusal's message (names settings, never their values), or null while nothing was refused.</summary>
    public string? Reason { get; private set; }

    public void Refuse(string reason)
    {
        Reason = reason;
        lifetime.StopApplication();
    }
}
