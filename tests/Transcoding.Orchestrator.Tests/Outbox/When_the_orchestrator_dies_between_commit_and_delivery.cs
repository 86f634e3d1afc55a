using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Transcoding.Contracts;
using Transcoding.Messaging.Postgres.Scheduling;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Outbox;

/// <summary>
/// The saga on PostgreSQL and RabbitMQ, with the transactional outbox: an instance commits a step and dies before any of
/// its messages left (the fault: that instance has no outbox dispatcher). What the step published and scheduled was
/// committed with its state, so the next instance delivers it, each message once and with the id stored at the commit,
/// and the item goes on to ready.
/// </summary>
public sealed class When_the_orchestrator_dies_between_commit_and_delivery : IAsyncLifetime
{
    private RabbitMqVirtualHost _vhost = null!;
    private PostgresDatabase _database = null!;
    private IHost _downstream = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _database = await PostgresDatabase.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(BusSettings());
        builder.AddTranscodingBus(bus => bus.AddConsumer<OutboxRecorder>().Endpoint(e =>
        {
            e.PrefetchCount = 1;
            e.ConcurrentMessageLimit = 1;
        }));
        // Its queue must be bound before the saga's messages are delivered.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _downstream = builder.Build();
        await _downstream.StartAsync();
    }

    [Fact]
    public async Task Every_message_of_the_committed_step_leaves_once_with_its_stored_id_and_the_item_completes()
    {
        var id = Guid.NewGuid();
        var bus = _downstream.Services.GetRequiredService<IBus>();
        IReadOnlyList<(Guid MessageId, string Type)> committed;
        await using (var dying = Orchestrator(deliver: false))
        {
            using var api = OrchestratorFactory.ClientFor(dying, OrchestratorFactory.ReaderKey);
            await bus.Publish(new MediaUploaded { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow });
            await Eventually.Until(() => StateOf(api, id), state => state == "transcoding", "the upload's step committed");
            committed = await OutboxRows(id);
        }

        // The step's publishes (the job and the announcement) and its deadline wait in the table, and nothing was delivered.
        Assert.Contains(committed, row => row.Type.EndsWith(":DispatchTranscode", StringComparison.Ordinal));
        Assert.Contains(committed, row => row.Type.EndsWith(":MediaTranscodingStarted", StringComparison.Ordinal));
        Assert.Contains(committed, row => row.Type.EndsWith(":AttemptDeadlineExpired", StringComparison.Ordinal));
        Assert.DoesNotContain(OutboxRecorder.Received, x => x.MediaId == id);

        await using var survivor = Orchestrator(deliver: true);
        using var survivorApi = OrchestratorFactory.ClientFor(survivor, OrchestratorFactory.ReaderKey);
        await Eventually.True(() => OutboxRecorder.IdsOf<MediaTranscodingStarted>(id).Count > 0 && OutboxRecorder.IdsOf<DispatchTranscode>(id).Count > 0,
            "the committed step's messages delivered by the next instance");
        await bus.Publish(new TranscodeDispatched { MediaId = id, Attempt = 1, JobId = "job-1" });
        await bus.Publish(new TranscodeCompleted
        {
            MediaId = id,
            Attempt = 1,
            JobId = "job-1",
            Outputs = new TranscodeOutputs { MasterPlaylistKey = $"media/{id}/hls/master.m3u8" },
        });
        await Eventually.True(() => OutboxRecorder.IdsOf<MediaReady>(id).Count > 0, "MediaReady delivered");

        // MediaReady was delivered after the first step's messages, on the same in-order queue: all of them were recorded.
        Assert.Equal([Id(committed, "DispatchTranscode")], OutboxRecorder.IdsOf<DispatchTranscode>(id));
        Assert.Equal([Id(committed, "MediaTranscodingStarted")], OutboxRecorder.IdsOf<MediaTranscodingStarted>(id));
        Assert.Single(OutboxRecorder.IdsOf<MediaReady>(id));
        Assert.Equal("ready", await StateOf(survivorApi, id));
        // The deadline was unscheduled in the completing step's transaction, and every delivered row is gone.
        await Eventually.Until(() => OutboxRows(id), rows => rows.Count == 0, "the item's outbox rows gone");
    }

    private WebApplicationFactory<Program> Orchestrator(bool deliver) =>
        new OrchestratorFactory().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in BusSettings())
            {
                host.UseSetting(key, value);
            }

            host.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
            host.ConfigureServices(services =>
            {
                // The saga's queue must be bound to MediaUploaded before the test publishes one.
                services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
                if (!deliver)
                {
                    services.Remove(services.Single(s => s.ImplementationType == typeof(ScheduledMessageDispatcher<TranscodeDbContext>)));
                }
            });
        });

    private Dictionary<string, string?> BusSettings() => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMqUri"] = _vhost.AmqpUri,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static Guid Id(IReadOnlyList<(Guid MessageId, string Type)> rows, string type) =>
        rows.Single(row => row.Type.EndsWith($":{type}", StringComparison.Ordinal)).MessageId;

    /// <summary>The item's rows waiting for delivery: message id and first message type of each.</summary>
    private async Task<IReadOnlyList<(Guid MessageId, string Type)>> OutboxRows(Guid mediaId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT message_id, payload_types[1] FROM scheduled_messages WHERE payload->>'mediaId' = @id", connection);
        command.Parameters.AddWithValue("id", mediaId.ToString());
        var rows = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task<string> StateOf(HttpClient api, Guid id)
    {
        var response = await api.GetAsync($"/media/{id}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web))!.State : "missing";
    }

    public async Task DisposeAsync()
    {
        await _downstream.StopAsync();
        _downstream.Dispose();
        await _database.DisposeAsync();
        await _vhost.DisposeAsync();
    }
}
