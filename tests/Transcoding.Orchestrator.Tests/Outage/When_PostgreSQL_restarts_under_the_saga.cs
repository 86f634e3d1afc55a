using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Tests.Outbox;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared;
using Transcoding.Testing;
using Transcoding.Testing.Chaos;

namespace Transcoding.Orchestrator.Tests.Outage;

/// <summary>
/// The orchestrator on a server set of its own while PostgreSQL crashes (immediate shutdown) and stays down: saga messages
/// delivered during the outage wait in the endpoint's retry, and after the restart (WAL recovery) each reaches its state,
/// the outbox delivers what the steps emitted, and nothing went to an <c>_error</c> queue. The status API answers 503
/// meanwhile.
/// </summary>
public sealed class When_PostgreSQL_restarts_under_the_saga(TestInfraSet servers) : IClassFixture<TestInfraSet>, IAsyncLifetime
{
    private const string SagaQueue = "transcode-state";

    private readonly HttpClient _management = Management(servers);
    private IHost _downstream = null!;
    private WebApplicationFactory<Program> _orchestrator = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.AddTranscodingBus(bus => bus.AddConsumer<OutboxRecorder>());
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _downstream = builder.Build();
        await _downstream.StartAsync();
        _orchestrator = new OrchestratorFactory().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in Settings())
            {
                host.UseSetting(key, value);
            }

            // The saga's queue must be bound before the test publishes.
            host.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
    }

    [Fact]
    public async Task Messages_consumed_while_it_is_down_reach_their_state_after_the_restart_and_none_is_an_error()
    {
        using var api = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.ReaderKey);
        var bus = _downstream.Services.GetRequiredService<IBus>();
        var first = Guid.NewGuid();
        await bus.Publish(Uploaded(first));
        await Eventually.Until(() => StatusOf(api, first), status => status?.State == "transcoding", "the first item transcoding");
        await bus.Publish(new TranscodeDispatched { MediaId = first, Attempt = 1, JobId = "job-1" });
        // The saga's connections are pooled and open: the crash cuts them.
        await Eventually.Until(() => StatusOf(api, first), status => status?.JobId == "job-1", "the first item dispatched");

        await servers.StopPostgresAsync();
        var (status, retryAfter) = await Answer(api, first);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.NotNull(retryAfter);

        var uploaded = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        await bus.Publish(new TranscodeCompleted
        {
            MediaId = first,
            Attempt = 1,
            JobId = "job-1",
            Outputs = new TranscodeOutputs { MasterPlaylistKey = $"media/{first}/hls/master.m3u8" },
        });
        foreach (var id in uploaded)
        {
            await bus.Publish(Uploaded(id));
        }

        // Delivered and held: every one of them is being tried while the database is down.
        await Eventually.Until(() => Unacknowledged(SagaQueue), count => count == uploaded.Count + 1, "the saga's messages held in retry");
        await servers.StartPostgresAsync();

        await Eventually.Until(() => StatusOf(api, first), s => s?.State == "ready", "the completed item ready after the restart");
        foreach (var id in uploaded)
        {
            await Eventually.Until(() => StatusOf(api, id), s => s?.State == "transcoding", $"{id} transcoding after the restart");
            // The step's outbox rows, committed after the restart, are delivered: the dispatcher loop outlived the outage.
            await Eventually.True(() => OutboxRecorder.IdsOf<DispatchTranscode>(id).Count > 0, $"{id}'s DispatchTranscode delivered");
        }

        Assert.Empty(await ErrorQueuesWithMessages());
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMqUri"] = servers.Environment["TEST_RABBITMQ_URI"],
        ["ConnectionStrings:Postgres"] = servers.Environment["TEST_POSTGRES"],
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static MediaUploaded Uploaded(Guid id) =>
        new() { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow };

    private static async Task<MediaStatus?> StatusOf(HttpClient api, Guid id)
    {
        using var response = await api.GetAsync($"/media/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web) : null;
    }

    private static async Task<(HttpStatusCode, RetryConditionHeaderValue?)> Answer(HttpClient api, Guid id)
    {
        using var response = await api.GetAsync($"/media/{id}");
        return (response.StatusCode, response.Headers.RetryAfter);
    }

    private async Task<long> Unacknowledged(string queue)
    {
        var details = await _management.GetFromJsonAsync<JsonElement>($"queues/%2F/{queue}");
        return details.TryGetProperty("messages_unacknowledged", out var count) ? count.GetInt64() : 0;
    }

    /// <summary>Every <c>_error</c> queue holding a message, read by fetching (and requeueing) its messages rather than from
    /// the management statistics, which lag by seconds.</summary>
    private async Task<IReadOnlyList<string>> ErrorQueuesWithMessages()
    {
        var queues = await _management.GetFromJsonAsync<JsonElement>("queues/%2F");
        var found = new List<string>();
        foreach (var name in queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.EndsWith("_error", StringComparison.Ordinal)))
        {
            using var got = await _management.PostAsJsonAsync($"queues/%2F/{name}/get", new { count = 1, ackmode = "ack_requeue_true", encoding = "auto" });
            got.EnsureSuccessStatusCode();
            if ((await got.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() > 0)
            {
                found.Add(name);
            }
        }

        return found;
    }

    private static HttpClient Management(TestInfraSet servers)
    {
        var client = new HttpClient { BaseAddress = new Uri(servers.Environment["TEST_RABBITMQ_MANAGEMENT"] + "/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8));
        return client;
    }

    public async Task DisposeAsync()
    {
        await _orchestrator.DisposeAsync();
        await _downstream.StopAsync();
        _downstream.Dispose();
        _management.Dispose();
    }
}
