namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Per test: a fresh virtual host with the faulting service running in it.</summary>
public abstract class FaultyServiceTest : IAsyncLifetime
{
    /// <summary>
    /// For tests that stop a replay mid-way (messages per second). They see the run through the consumer, which lags
    /// the CLI on a loaded machine: at 10/s a 30-message run had finished before the interruption; at 2/s it lasts
    /// 15 s or more, far past the first consumptions.
    /// </summary>
    protected const string SlowReplayRate = "2";

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
