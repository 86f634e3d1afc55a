using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.Auth;

/// <summary>
/// With <c>Auth:OpenOnLoopback</c>, start-up is refused (<see cref="StartupRefusal"/>: the application stops, the process
/// exits 3) once the server listens on an address that is not loopback
/// (<c>0.0.0.0</c>, <c>*</c>, a LAN address): behind such an address a proxy on this machine would make every caller
/// <c>local</c>. Checked after the server bound its addresses (what it really listens on, ports included).
/// </summary>
public sealed class LoopbackListeningCheck(IOptions<AuthOptions> options, IServiceProvider services, StartupRefusal refusal) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var open = addresses.Where(address => !IsLoopback(address)).ToList();
        if (options.Value.OpenOnLoopback && open.Count > 0)
        {
            refusal.Refuse(
                $"Auth:OpenOnLoopback is for development on loopback only, but the server listens on {string.Join(", ", open)}. "
                + "Listen on 127.0.0.1 or localhost only, or configure Auth:Authority or Auth:ApiKeys instead.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether a listening address (<c>http://127.0.0.1:5000</c>, <c>http://localhost:5000</c>,
    /// <c>http://[::1]:5000</c>) is loopback; wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) are not.</summary>
    public static bool IsLoopback(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
