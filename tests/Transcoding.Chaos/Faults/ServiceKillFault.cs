namespace Transcoding.Chaos.Faults;

/// <summary>SIGKILL of a service process (no graceful shutdown), restarted on the same URL when the fault stops.</summary>
public sealed class ServiceKillFault(ServiceSlot slot, TimeSpan hold) : IFault
{
    public string Name => $"SIGKILL {slot.Name}";

    public TimeSpan Hold => hold;

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        var pid = slot.Current.Id;
        var crashed = slot.Current.ExitedByItself;
        await slot.Current.KillAndWaitAsync();
        return new FaultEffect(true, crashed is null
            ? $"pid {pid}, restarted after {hold.TotalSeconds:0} s"
            : $"nothing to kill: {crashed}, ended by itself before (see the services row); restarted after {hold.TotalSeconds:0} s");
    }

    public Task StopAsync(CancellationToken cancellationToken) => slot.RestartAsync();
}
