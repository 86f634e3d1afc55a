using Transcoding.Chaos.Faults;

namespace Transcoding.Chaos.Tests;

/// <summary>
/// A fault that touches nothing: it counts its starts and stops and the most injections in force at once, and answers
/// with <paramref name="effect"/> (injected by default) or throws <paramref name="stopFailure"/> from its stop. Start and
/// stop yield before they return, so another run of the schedule can reach the fault while this one is under way.
/// </summary>
public sealed class FakeFault(string name, TimeSpan hold, FaultEffect? effect = null, Exception? stopFailure = null) : IFault
{
    private readonly Lock _lock = new();
    private int _held;

    public string Name => name;

    public TimeSpan Hold => hold;

    public int Starts { get; private set; }

    public int Stops { get; private set; }

    /// <summary>The most injections of this fault in force at the same time (the schedule promises 1).</summary>
    public int MostHeld { get; private set; }

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        var result = effect ?? new FaultEffect(true, "fake");
        lock (_lock)
        {
            Starts++;
            _held++;
            MostHeld = Math.Max(MostHeld, _held);
        }

        await Task.Yield();
        if (!result.Injected)
        {
            Release();
        }

        return result;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Stops++;
        }

        await Task.Yield();
        Release();
        if (stopFailure is not null)
        {
            throw stopFailure;
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _held--;
        }
    }
}
