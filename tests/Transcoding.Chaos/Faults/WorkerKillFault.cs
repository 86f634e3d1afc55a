using Xunit.Sdk;

namespace Transcoding.Chaos.Faults;

/// <summary>
/// SIGKILL of a worker while its ffmpeg encodes the ladder; the local RunPod endpoint sees its worker die, fails the job
/// and starts a new worker (as RunPod does when a pod is lost). Nothing to stop.
/// </summary>
/// <param name="environmentMarker">A string only this run's workers hold in their environment (their work folder).</param>
public sealed class WorkerKillFault(string environmentMarker) : IFault
{
    /// <summary>How long to wait for an encode to kill; at the steady rate one starts every few seconds.</summary>
    private static readonly TimeSpan FindTimeout = TimeSpan.FromSeconds(30);

    public string Name => "SIGKILL worker mid-encode";

    public TimeSpan Hold => TimeSpan.Zero;

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (worker, _) = await WorkerProcesses.EncodingAsync(environmentMarker, FindTimeout);
            worker.Kill();
            return new FaultEffect(true, $"worker pid {worker.Id}");
        }
        catch (FailException)
        {
            return new FaultEffect(false, $"no worker was encoding within {FindTimeout.TotalSeconds:0} s");
        }
        catch (InvalidOperationException)
        {
            // The worker ended by itself between being found and being killed.
            return new FaultEffect(false, "the encoding worker ended before the kill");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
