using MassTransit;
using MassTransit.Testing;

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

    /// <summary>Publishes one message with its own id and waits until the consumer returned from it.</summary>
    protected async Task DeliverAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await Host.Harness.Bus.Publish(message, context => context.MessageId = messageId);

        // Consumed is recorded after the consumer returned, so what it published is recorded too.
        await Eventually.True(() => Host.Harness.Consumed.Select<T>(m => m.Context.MessageId == messageId).Any(), $"the {typeof(T).Name} consumed");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await RunPod.DisposeAsync();
    }
}
