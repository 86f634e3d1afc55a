namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Per test: a fresh virtual host with the faulting service running in it.</summary>
public abstract class FaultyServiceTest : IAsyncLifetime
{
    /// <summary>
    /// For tests that stop a replay mid-way (messages per second). They see the run through the consumer, whose lag
    /// grows with the machine's load, while the CLI's pace is wall-clock (a pause between messages): at 0.5/s a run of
    /// 30 or more lasts a minute, far longer than the consumer can lag behind the first messages it replayed.
    /// </summary>
    protected const string SlowReplayRate = "0.5";

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
