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
}
