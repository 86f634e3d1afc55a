namespace Transcoding.Chaos.Faults;

/// <summary>
/// One kind of fault the schedule can inject: started, held for <see cref="Hold"/>, then stopped (the system given back
/// what was taken from it). A fault is never started again before its previous stop has returned.
/// </summary>
public interface IFault
{
    /// <summary>How CHAOS.md names it, e.g. <c>SIGKILL dispatcher</c>.</summary>
    string Name { get; }

    /// <summary>Time between the end of <see cref="StartAsync"/> and the call of <see cref="StopAsync"/>.</summary>
    TimeSpan Hold { get; }

    /// <summary>Injects the fault; the effect says whether it could (a worker can only be killed while one encodes).</summary>
    Task<FaultEffect> StartAsync(CancellationToken cancellationToken);

    /// <summary>Ends the fault and returns once the part is back (a restarted service ready again).</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
