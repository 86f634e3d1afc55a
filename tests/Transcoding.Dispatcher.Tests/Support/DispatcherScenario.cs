namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>A dispatcher host (in-memory bus and ledger) against a scripted RunPod server, fresh for each test.</summary>
public abstract class DispatcherScenario : IAsyncLifetime
{
    protected ScriptedRunPodServer RunPod { get; private set; } = null!;

    protected DispatcherTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RunPod = await ScriptedRunPodServer.StartAsync();
        Host = await DispatcherTestHost.StartAsync(RunPod.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await RunPod.DisposeAsync();
    }
}
