namespace Transcoding.Chaos;

/// <summary>A service process under supervision: whatever process currently runs it, replaced when restarted.</summary>
public sealed class ServiceSlot(string name, ServiceProcess process) : IAsyncDisposable
{
    public string Name { get; } = name;

    public ServiceProcess Current { get; private set; } = process;

    /// <summary>Starts the service again on the same URL (after it was killed) and waits until it is ready.</summary>
    public async Task RestartAsync() => Current = await Current.StartAgainAsync();

    public ValueTask DisposeAsync() => Current.DisposeAsync();
}
