using Transcoding.Testing.Chaos;

namespace Transcoding.Chaos.Faults;

/// <summary>
/// The callback proxy between RunPod/the workers and the gateway drops, duplicates and delays callbacks for the hold
/// (its shares and seed are set when the run starts it); outside a hold it forwards everything untouched.
/// </summary>
public sealed class CallbackChaosFault(CallbackProxy proxy, TimeSpan hold) : IFault
{
    public string Name => "callbacks dropped, duplicated, delayed";

    public TimeSpan Hold => hold;

    public Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        proxy.Active = true;
        return Task.FromResult(new FaultEffect(true, $"{hold.TotalSeconds:0} s"));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        proxy.Active = false;
        return Task.CompletedTask;
    }
}
