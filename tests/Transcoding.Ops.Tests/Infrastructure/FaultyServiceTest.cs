namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Per test: a fresh virtual host with the faulting service running in it.</summary>
public abstract class FaultyServiceTest : IAsyncLifetime
{
    protected RabbitMqVirtualHost Host { get; private set; } = null!;

    protected FaultyService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await RabbitMqVirtualHost.CreateAsync();
        Service = await FaultyService.StartAsync(Host);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Host.DisposeAsync();
    }

    protected Task<OpsRun> OpsAsync(params string[] args) => OpsCli.RunAsync([.. args, .. Host.CliOptions]);

    /// <summary>Waits for <paramref name="count"/> consumptions, then a little longer so a duplicate would show.</summary>
    protected async Task WaitForProcessedAsync(int count)
    {
        await Eventually.TrueAsync(() => Service.Ledger.Processed.Count >= count, $"{count} probes processed");
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
