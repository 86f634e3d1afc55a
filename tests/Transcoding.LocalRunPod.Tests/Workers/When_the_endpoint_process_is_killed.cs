using System.Diagnostics;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Workers;

/// <summary>
/// The local RunPod endpoint as its own process, SIGKILLed while its worker runs (the chaos run does it): no shutdown
/// code runs, yet the worker must not stay behind taking jobs nobody owns.
/// </summary>
public sealed class When_the_endpoint_process_is_killed : IDisposable
{
    private readonly BashWorker _worker = new();

    public void Dispose() => _worker.Dispose();

    [Fact]
    public async Task Its_worker_processes_die_with_it()
    {
        Dictionary<string, string> environment = new()
        {
            ["LocalRunPod__ApiKey"] = $"local-key-{Guid.NewGuid():N}",
            ["LocalRunPod__EndpointId"] = LocalRunPodTestServer.EndpointId,
        };
        foreach (var (key, value) in _worker.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        await using var endpoint = await ServiceProcess.StartAsync("Transcoding.LocalRunPod", environment);
        var worker = await Eventually.Until(() => _worker.Pid("local-worker-1-1"), pid => pid is not null, "the worker to write its pid");
        try
        {
            endpoint.Kill();

            await Eventually.True(() => WorkerProcesses.HasEnded(worker!.Value), $"the worker ({worker}) to end with the endpoint ({endpoint.Id})",
                TimeSpan.FromSeconds(15));
        }
        finally
        {
            // Should the property break, the orphan (polling for ever) is the test's to end.
            if (!WorkerProcesses.HasEnded(worker!.Value))
            {
                Process.GetProcessById(worker.Value).Kill();
            }
        }
    }
}
