using System.Xml;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Queries;

/// <summary>The list and stats on the PostgreSQL saga store: the statements of <see cref="MediaQuerySql"/>, the stats'
/// five in one round trip, on the request's <see cref="TranscodeDbContext"/> connection. A database outage surfaces as
/// Npgsql's exception (the status API answers 503).</summary>
public sealed class PostgresMediaQueries(TranscodeDbContext db, TimeProvider time) : IMediaQueries
{
    public async Task<MediaPage> ListAsync(MediaListQuery query, CancellationToken cancellationToken)
    {
        var items = new List<MediaSummary>();
        await ReadAsync([MediaQuerySql.List(query)], async reader =>
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new MediaSummary(
                    reader.GetGuid(0),
                    TranscodeStateMachine.StateOf(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt32(3),
                    reader.GetInt32(4),
                    reader.GetDouble(5),
                    reader.GetString(6),
                    reader.GetFieldValue<DateTimeOffset>(7),
                    reader.GetFieldValue<DateTimeOffset>(8),
                    reader.GetFieldValue<DateTimeOffset>(9)));
            }
        }, cancellationToken);
        return MediaPage.Of(items, query.Limit);
    }

    public async Task<MediaStats> StatsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - window;
        MediaStats? stats = null;
        await ReadAsync(MediaQuerySql.Stats(since, now), async reader =>
        {
            var counts = await CountsAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var finished = await CountsAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var failures = new List<FailureCodeGroup>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var (code, total, id) = (reader.GetString(0), reader.GetInt64(1), reader.GetGuid(2));
                if (failures.Count == 0 || failures[^1].Code != code)
                {
                    failures.Add(new FailureCodeGroup(code, total, []));
                }

                failures[^1] = failures[^1] with { Examples = [.. failures[^1].Examples, id] };
            }

            await reader.NextResultAsync(cancellationToken);
            var (stuckCount, stuckExamples) = (0L, new List<Guid>());
            while (await reader.ReadAsync(cancellationToken))
            {
                stuckExamples.Add(reader.GetGuid(0));
                stuckCount = reader.GetInt64(1);
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            stats = new MediaStats(
                XmlConvert.ToString(window),
                since,
                new MediaStateCounts(Count(counts, MediaStates.Uploaded), Count(counts, MediaStates.Transcoding), Count(counts, MediaStates.Ready), Count(counts, MediaStates.Failed)),
                new MediaFinishedCounts(Count(finished, MediaStates.Ready), Count(finished, MediaStates.Failed)),
                failures,
                new StuckMedia(stuckCount, stuckExamples),
                reader.GetInt64(0) / 1000.0,
                reader.IsDBNull(1) ? null : reader.GetDecimal(1));
        }, cancellationToken);
        return stats!;
    }

    private static long Count(Dictionary<string, long> counts, string state) =>
        counts.GetValueOrDefault(TranscodeStateMachine.CurrentStateOf(state));

    private static async Task<Dictionary<string, long>> CountsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task ReadAsync(IEnumerable<NpgsqlBatchCommand> commands, Func<NpgsqlDataReader, Task> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
