using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Contracts;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared;

namespace Transcoding.EndToEnd.Tests.Orchestrator;

/// <summary>
/// Two orchestrator processes on one PostgreSQL saga store and one RabbitMQ queue: every completion is delivered three
/// times at once, and one instance is killed (SIGKILL) half-way through.
/// </summary>
public sealed class When_two_orchestrators_share_the_saga_store : IAsyncLifetime
{
    private const int Items = 200;
    private const int Copies = 3;

    /// <summary>The orchestrator saga's queue (MassTransit's kebab-case name of <c>TranscodeState</c>).</summary>
    private const string SagaQueue = "transcode-state";
    private RabbitMqVirtualHost _vhost = null!;
    private PostgresDatabase _database = null!;
    private IHost _upstream = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _database = await PostgresDatabase.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = _vhost.AmqpUri,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddTranscodingBus(bus =>
        {
            bus.AddConsumer<StubDispatcher>().Endpoint(InOrderEndpoint.Configure);
            bus.AddConsumer<MessageRecorder>().Endpoint(InOrderEndpoint.Configure);
        });
        // Its queues must be bound before the orchestrators publish to them.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _upstream = builder.Build();
        await _upstream.StartAsync();
    }

    /// <summary>Three concurrent copies of every completion, two instances: one ready transition and one MediaReady per item.</summary>
    [Fact]
    public Task Each_item_becomes_ready_exactly_once() => RunAsync(killHalfway: false);

    /// <summary>
    /// An instance killed half-way: every item still ends ready with one job, and no MediaReady is lost. A MediaReady the
    /// killed instance sent but had not yet marked delivered in the outbox is sent again by the survivor (at least once),
    /// so only here may an item receive it twice, and then with the same message id.
    /// </summary>
    [Fact]
    public Task Every_item_still_becomes_ready_when_an_instance_is_killed() => RunAsync(killHalfway: true);

    private async Task RunAsync(bool killHalfway)
    {
        var environment = new Dictionary<string, string>(LoopbackOrchestrator.Environment)
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMqUri"] = _vhost.AmqpUri,
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        };
        await using var first = await ServiceProcess.StartAsync("Transcoding.Orchestrator", environment);
        await using var second = await ServiceProcess.StartAsync("Transcoding.Orchestrator", environment);
        var bus = _upstream.Services.GetRequiredService<IBus>();
        var ids = Enumerable.Range(0, Items).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => bus.Publish(new MediaUploaded { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", ContentType = "video/mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow })));
        await Eventually.True(() => ids.All(id => StubDispatcher.Jobs.ContainsKey((id, 1))), "every item dispatched", TimeSpan.FromMinutes(3));

        for (var i = 0; i < ids.Count; i++)
        {
            if (killHalfway && i == ids.Count / 2)
            {
                first.Kill();
            }

            var completion = new TranscodeCompleted
            {
                MediaId = ids[i],
                Attempt = 1,
                JobId = $"stub-{ids[i]:N}",
                Outputs = new TranscodeOutputs { MasterPlaylistKey = $"media/{ids[i]}/hls/master.m3u8" },
            };
            await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => bus.Publish(completion)));
        }

        using var api = new HttpClient { BaseAddress = new Uri(second.Url) };
        await Eventually.Until(
            async () =>
            {
                // One request at a time: the status API shares PostgreSQL's connection limit with the saga itself.
                var states = new List<string>();
                foreach (var id in ids)
                {
                    states.Add(await StateOf(api, id));
                }

                return states;
            },
            states => states.All(s => s == "ready"),
            "every item ready",
            TimeSpan.FromMinutes(3),
            states => string.Join(", ", states.GroupBy(s => s).Select(g => $"{g.Key}={g.Count()}")) + Environment.NewLine + second.Output);

        // Every message sent to the saga's queue consumed and acknowledged, which MassTransit does after the step's
        // commit, and every outbox row delivered (every item is ready, so no deadline is left either): then no instance
        // can publish another MediaReady or DispatchTranscode, and a marker behind them on each of the two in-order
        // queues shows that all were recorded.
        await Eventually.Until(
            () => SagaQueueAsync(),
            queue => queue.Published >= ids.Count * (2 + Copies) && queue.Messages == 0,
            "every upload, dispatch and completion consumed from the saga's queue",
            describe: queue => $"{queue.Published} published into it, {queue.Messages} in it");
        await Eventually.Until(
            () => _database.ScalarAsync<long>("SELECT count(*) FROM scheduled_messages"),
            rows => rows == 0,
            "every outbox row delivered");
        await MessageRecorder.AllRecordedAsync(bus);
        await StubDispatcher.AllCountedAsync(bus);
        foreach (var id in ids)
        {
            var status = (await api.GetFromJsonAsync<MediaStatus>($"/media/{id}", JsonDefaults.Web))!;
            Assert.Single(status.History, h => h.To == "ready");
            Assert.Equal(1, StubDispatcher.Jobs[(id, 1)]);
            Assert.False(StubDispatcher.Jobs.ContainsKey((id, 2)), $"{id} was dispatched a second time");
        }

        var readyCounts = MessageRecorder.Received.OfType<MediaReady>().Where(m => ids.Contains(m.MediaId)).GroupBy(m => m.MediaId).ToList();
        Assert.Equal(Items, readyCounts.Count);
        if (!killHalfway)
        {
            Assert.All(readyCounts, group => Assert.Single(group));
        }

        // Exactly one MediaReady per item by message id, repeats or not: the outbox stored it once, with its id.
        var readyIds = MessageRecorder.ReadyMessageIds.Where(x => ids.Contains(x.Value)).GroupBy(x => x.Value).ToList();
        Assert.Equal(Items, readyIds.Count);
        Assert.All(readyIds, group => Assert.Single(group));
    }

    /// <summary>
    /// The saga queue as the management API last sampled it. A sample counting every message this test published into
    /// the queue was taken after they were all there, so its message count (ready and unacknowledged) is not stale.
    /// </summary>
    private async Task<(long Published, long Messages)> SagaQueueAsync()
    {
        using var queue = JsonDocument.Parse(await _vhost.Management.GetStringAsync($"/api/queues/{_vhost.Name}/{SagaQueue}"));
        var root = queue.RootElement;
        var published = root.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var count) ? count.GetInt64() : 0;
        return (published, root.TryGetProperty("messages", out var messages) ? messages.GetInt64() : -1);
    }

    public async Task DisposeAsync()
    {
        await _upstream.StopAsync();
        _upstream.Dispose();
        await _database.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    private static async Task<string> StateOf(HttpClient api, Guid id)
    {
        var response = await api.GetAsync($"/media/{id}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web))!.State : "missing";
    }
}
