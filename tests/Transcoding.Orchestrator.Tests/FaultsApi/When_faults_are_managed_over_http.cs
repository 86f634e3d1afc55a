using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RabbitMQ.Client;
using Transcoding.Faults;
using Transcoding.Orchestrator.FaultsApi;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary>
/// <c>/faults</c> on the orchestrator, on real RabbitMQ (a virtual host of its own) and PostgreSQL, against faults
/// MassTransit itself wrote: the same groups <c>ops faults list</c> shows, a replay that puts a group back on its
/// queue (consumed again, once), a replay paced by its rate (on a fake clock) over a connection named for the
/// orchestrator, a purge that deletes, 400/404 for selections and rates that are wrong or name nothing, and the roles:
/// a reader lists, only an operator replays or purges.
/// </summary>
public sealed class When_faults_are_managed_over_http : IAsyncLifetime
{
    private static readonly string ErrorQueue = BrokenConsumer.Queue + "_error";

    private readonly PostgresDatabase _database = new();
    private RabbitMqVirtualHost _host = null!;
    private BrokenConsumer _consumer = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = await RabbitMqVirtualHost.CreateAsync();
        _consumer = await BrokenConsumer.StartAsync(_host.AmqpUri);
        _factory = new OrchestratorFactory().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:Postgres", _database.ConnectionString)
            .UseSetting("Bus:Transport", "RabbitMq")
            .UseSetting("Bus:RabbitMqUri", _host.AmqpUri)
            .UseSetting("Bus:ManagementUrl", _host.ManagementUrl));
    }

    [Fact]
    public async Task The_listing_groups_them_by_exception_and_message_type()
    {
        await FaultAsync(5);
        var client = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.OperatorKey);

        var listing = await client.GetFromJsonAsync<JsonElement>("/faults");

        Assert.Equal(_host.Name, listing.GetProperty("virtualHost").GetString());
        var queue = Assert.Single(listing.GetProperty("queues").EnumerateArray(), q => q.GetProperty("name").GetString() == ErrorQueue);
        Assert.Equal(5, queue.GetProperty("messages").GetInt32());
        var groups = listing.GetProperty("groups").EnumerateArray()
            .Select(g => (Id: g.GetProperty("id").GetString() ?? "", Exception: g.GetProperty("exceptionType").GetString() ?? "", Message: g.GetProperty("messageType").GetString() ?? "", Count: g.GetProperty("count").GetInt32()))
            .ToList();
        Assert.Equal(new[] { ("System.InvalidOperationException", 3), ("System.ArgumentException", 2) }, groups.Select(g => (g.Exception, g.Count)));
        Assert.All(groups, g => Assert.Contains(nameof(BrokenProbe), g.Message));
        Assert.All(groups, g => Assert.Equal(FaultGroupId.For(g.Exception, g.Message), g.Id));
        Assert.Equal(5, listing.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task A_replayed_group_is_consumed_once_and_a_purge_deletes_the_rest()
    {
        var ids = await FaultAsync(5);
        _consumer.Failing = false;
        var client = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.OperatorKey);
        var listing = await client.GetFromJsonAsync<JsonElement>("/faults");
        var odd = listing.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("exceptionType").GetString() == "System.ArgumentException").GetProperty("id").GetString();

        var replay = await client.PostAsJsonAsync("/faults/replay", new { group = odd });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2, 0), (replayed.GetProperty("selected").GetInt32(), replayed.GetProperty("replayed").GetInt32(), replayed.GetProperty("failed").GetInt32()));
        await Eventually.True(() => _consumer.Consumed.Count >= 2, "the two replayed probes consumed");
        Assert.Equal(new[] { ids[1], ids[3] }.Order(), _consumer.Consumed.Order());
        Assert.Equal(3u, await DepthAsync(ErrorQueue));

        var purge = await client.PostAsJsonAsync("/faults/purge", new { queue = BrokenConsumer.Queue });

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(3, (await purge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetInt32());
        Assert.Equal(0u, await DepthAsync(ErrorQueue));
    }

    [Fact]
    public async Task A_replay_with_a_rate_puts_back_no_more_than_the_rate_allows_over_a_connection_named_for_the_orchestrator()
    {
        const int count = 5;
        var pause = TimeSpan.FromMilliseconds(500);
        var ids = await FaultAsync(count);
        _consumer.Failing = false;
        // Only the replay's pacing runs on this clock; it moves only in the loop below.
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        await using var paced = PacedBy(clock);
        var client = OrchestratorFactory.ClientFor(paced, OrchestratorFactory.OperatorKey);

        var replay = client.PostAsJsonAsync("/faults/replay?rate=2", new { all = true });

        // The first message goes at once, then the walk waits for the clock, its connection open.
        var service = paced.Services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var names = await Eventually.Until(ConnectionNamesAsync, n => n.Contains(service), $"a connection named {service} in {_host.Name}",
            describe: n => $"[{string.Join(", ", n)}]");
        Assert.DoesNotContain("transcoding-ops", names);
        var seen = new List<(TimeSpan Elapsed, int Consumed)>();
        await Eventually.True(() =>
        {
            seen.Add((clock.GetUtcNow() - start, _consumer.Consumed.Count));
            clock.Advance(TimeSpan.FromMilliseconds(100));
            return seen[^1].Consumed == count;
        }, $"{count} replayed probes consumed");

        // Consumed follows replayed, so at every look: at most the first message plus one per pause that passed.
        Assert.All(seen, look => Assert.True(look.Consumed <= 1 + (int)(look.Elapsed / pause), $"{look.Consumed} consumed after {look.Elapsed.TotalMilliseconds} ms"));
        var replayed = await (await replay).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((count, count, 0), (replayed.GetProperty("selected").GetInt32(), replayed.GetProperty("replayed").GetInt32(), replayed.GetProperty("failed").GetInt32()));
        Assert.Equal(ids.Order(), _consumer.Consumed.Order());
    }

    [Fact]
    public async Task A_replay_cancelled_while_it_waits_still_writes_its_audit_line_with_what_went_back()
    {
        await FaultAsync(3);
        _consumer.Failing = false;
        // The clock never moves: after the first message the replay waits until the caller gives up.
        await using var paced = PacedBy(new FakeTimeProvider());
        var client = OrchestratorFactory.ClientFor(paced, OrchestratorFactory.OperatorKey);
        using var caller = new CancellationTokenSource();

        var replay = client.PostAsJsonAsync("/faults/replay?rate=2", new { all = true }, caller.Token);
        await Eventually.True(() => _consumer.Consumed.Count == 1, "the first replayed probe consumed");
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => replay);
        var logs = paced.Services.GetRequiredService<FakeLogCollector>();
        var audit = await Eventually.Until(() => logs.GetSnapshot().Where(r => r.Id.Id == 1100).ToList(), r => r.Count > 0, "the replay's audit line", describe: r => $"{r.Count} audit lines");
        var line = Assert.Single(audit).StructuredState!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(("test-operator", "--all", "cancelled", "1", "0"), (line["Caller"], line["Selector"], line["Ending"], line["Replayed"], line["Failed"]));
        await Eventually.True(async () => await DepthAsync(ErrorQueue) == 2, "the two not replayed back in the error queue");
    }

    [Fact]
    public async Task A_rate_that_is_not_a_rate_is_400_and_replays_nothing()
    {
        await FaultAsync(1);
        var client = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.OperatorKey);

        foreach (var rate in new[] { "0", "-2", "fast", "NaN", "1e9" })
        {
            using var refused = await client.PostAsJsonAsync($"/faults/replay?rate={rate}", new { all = true });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(ReplayRate.OutOfRange, await refused.Content.ReadFromJsonAsync<string>());
        }

        Assert.Equal(1u, await DepthAsync(ErrorQueue));
    }

    [Fact]
    public async Task A_selection_that_names_nothing_is_404_and_one_that_is_not_one_clean_selector_is_400()
    {
        await FaultAsync(1);
        var client = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.OperatorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/faults/replay", new { id = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/faults/purge", new { queue = "no-such-queue" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/faults/replay", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/faults/purge", new { all = true, queue = BrokenConsumer.Queue })).StatusCode);
        foreach (var selection in new object[] { new { queue = BrokenConsumer.Queue + "\0" }, new { id = "a\u0001" }, new { group = "g\r\nx" } })
        {
            using var refused = await client.PostAsJsonAsync("/faults/purge", selection);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(FaultSelection.UnsafeCharacter, await refused.Content.ReadFromJsonAsync<string>());
        }

        Assert.Equal(1u, await DepthAsync(ErrorQueue));
    }

    [Fact]
    public async Task A_reader_may_list_them_but_not_replay_or_purge()
    {
        await FaultAsync(1);
        var reader = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.ReaderKey);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/faults/replay", new { all = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/faults/purge", new { all = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/faults")).StatusCode);
        Assert.Equal(1u, await DepthAsync(ErrorQueue));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _consumer.DisposeAsync();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The orchestrator with the replay's pacing on <paramref name="clock"/> and its log lines captured (<see cref="FakeLogCollector"/>).</summary>
    private WebApplicationFactory<Program> PacedBy(FakeTimeProvider clock) => _factory.WithWebHostBuilder(web => web
        .ConfigureLogging(logging => logging.AddFakeLogging())
        .ConfigureTestServices(services =>
            services.AddSingleton(provider => new FaultOperations(provider.GetRequiredService<ErrorQueues>(), clock))));

    private async Task<IReadOnlyList<Guid>> FaultAsync(int count)
    {
        var ids = await _consumer.PublishAsync(count);
        await Eventually.True(async () => await DepthAsync(ErrorQueue) == count, $"{count} faults in {ErrorQueue}");
        return ids;
    }

    /// <summary>The names clients gave their connections to the test's virtual host (management API).</summary>
    private async Task<IReadOnlyList<string>> ConnectionNamesAsync()
    {
        var connections = await _host.Management.GetFromJsonAsync<JsonElement>("/api/connections");
        return [.. connections.EnumerateArray()
            .Where(c => c.GetProperty("vhost").GetString() == _host.Name)
            .Select(c => c.GetProperty("client_properties").TryGetProperty("connection_name", out var name) ? name.GetString() ?? "" : "")];
    }

    /// <summary>The exact number of ready messages (0 until MassTransit creates the queue on the first fault).</summary>
    private async Task<uint> DepthAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_host.AmqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
