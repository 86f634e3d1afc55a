namespace Transcoding.Chaos.Faults;

/// <summary>SIGKILL of a service process (no graceful shutdown), restarted on the same URL when the fault stops.</summary>
public sealed class ServiceKillFault(ServiceSlot slot, TimeSpan hold) : IFault
{
    public string Name => $"SIGKILL {slot.Name}";

    public TimeSpan Hold => hold;

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        var pid = slot.Current.Id;
        await slot.Current.KillAndWaitAsync();
        return new FaultEffect(true, $"pid {pid}, restarted after {hold.TotalSeconds:0} s");
    }

    public Task StopAsync(CancellationToken cancellationToken) => slot.RestartAsync();
}
