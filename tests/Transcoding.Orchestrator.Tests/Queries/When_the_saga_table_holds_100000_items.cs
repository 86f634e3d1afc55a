using System.Text.Json.Nodes;
using Npgsql;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;
using Transcoding.Testing;
using Xunit.Abstractions;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>
/// Issue 17: the list and stats queries use indexes. With 100,000 seeded rows (analyzed), the plan PostgreSQL makes for
/// each statement <see cref="PostgresMediaQueries"/> runs (the very commands of <see cref="MediaQuerySql"/>) reads
/// <c>transcode_state</c> through an index and never by a sequential scan. The plans are written to the test output.
/// </summary>
public sealed class When_the_saga_table_holds_100000_items(When_the_saga_table_holds_100000_items.Seeded seeded, ITestOutputHelper output)
    : IClassFixture<When_the_saga_table_holds_100000_items.Seeded>
{
    private const int Rows = 100_000;

    public static TheoryData<string> Statements => new(Commands(MediaQueryTable.Now).Keys);

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task Each_list_and_stats_statement_reads_the_saga_table_through_an_index(string statement)
    {
        var command = Commands(MediaQueryTable.Now)[statement];
        var plan = await seeded.ExplainAsync(command, "FORMAT JSON");
        output.WriteLine(await seeded.ExplainAsync(Commands(MediaQueryTable.Now)[statement], "FORMAT TEXT"));

        var scans = Nodes(JsonNode.Parse(plan)![0]!["Plan"]!).Where(n => ReadsSagaTable(n)).Select(n => (string)n["Node Type"]!).ToList();

        Assert.DoesNotContain("Seq Scan", scans);
        Assert.Contains(scans, s => s.Contains("Index", StringComparison.Ordinal));
    }

    /// <summary>Every statement the list and stats run, named: the list unfiltered and with each filter and a cursor, and
    /// the stats' five for a day.</summary>
    private static Dictionary<string, NpgsqlBatchCommand> Commands(DateTimeOffset now)
    {
        var cursor = new MediaCursor(now - TimeSpan.FromDays(3), Guid.Parse("80000000-0000-0000-0000-000000000000"));
        var commands = new Dictionary<string, NpgsqlBatchCommand>
        {
            ["list"] = MediaQuerySql.List(new MediaListQuery(null, null, null, 50, null)),
            ["list after a cursor"] = MediaQuerySql.List(new MediaListQuery(null, null, null, 50, cursor)),
            ["list by state"] = MediaQuerySql.List(new MediaListQuery(MediaStates.Failed, null, null, 50, cursor)),
            ["list by code"] = MediaQuerySql.List(new MediaListQuery(MediaStates.Failed, "worker_crashed", null, 50, cursor)),
            ["list updated since"] = MediaQuerySql.List(new MediaListQuery(null, null, now - TimeSpan.FromHours(1), 50, null)),
            ["list by state updated since"] = MediaQuerySql.List(new MediaListQuery(MediaStates.Transcoding, null, now - TimeSpan.FromDays(1), 50, null)),
        };
        string[] stats = ["stats counts by state", "stats finished", "stats failures by code", "stats stuck", "stats gpu"];
        foreach (var (name, command) in stats.Zip(MediaQuerySql.Stats(now - TimeSpan.FromDays(1), now)))
        {
            commands[name] = command;
        }

        return commands;
    }

    private static bool ReadsSagaTable(JsonNode node) =>
        (string?)node["Relation Name"] == "transcode_state" || ((string?)node["Index Name"])?.StartsWith("ix_transcode_state", StringComparison.Ordinal) == true;

    private static IEnumerable<JsonNode> Nodes(JsonNode plan) =>
        new[] { plan }.Concat(plan["Plans"]?.AsArray().SelectMany(child => Nodes(child!)) ?? []);

    /// <summary>One migrated database with <see cref="Rows"/> seeded rows for the whole class.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        private PostgresMediaQueryStore? _store;

        public async Task InitializeAsync()
        {
            _store = await PostgresMediaQueryStore.CreateAsync(MediaQueryTable.Now);
            await using var source = NpgsqlDataSource.Create(_store.Database.ConnectionString);
            await using (var seed = source.CreateCommand(SeededSagaRows.Sql(Rows, MediaQueryTable.Now)))
            {
                seed.CommandTimeout = 300;
                await seed.ExecuteNonQueryAsync();
            }

            await using var analyze = source.CreateCommand(SeededSagaRows.Analyze);
            await analyze.ExecuteNonQueryAsync();
        }

        public async Task<string> ExplainAsync(NpgsqlBatchCommand statement, string format)
        {
            await using var source = NpgsqlDataSource.Create(_store!.Database.ConnectionString);
            await using var command = source.CreateCommand($"EXPLAIN ({format}) {statement.CommandText}");
            foreach (NpgsqlParameter parameter in statement.Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }

        public async Task DisposeAsync()
        {
            if (_store is not null)
            {
                await _store.DisposeAsync();
            }
        }
    }
}
