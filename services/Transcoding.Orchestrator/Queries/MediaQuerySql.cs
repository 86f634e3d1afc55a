using Npgsql;
using NpgsqlTypes;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// The SQL of <see cref="PostgresMediaQueries"/> over <c>transcode_state</c>, one statement per figure, each answered
/// from an index of <c>Persistence/TranscodeStateMap</c> (tests assert the plans: no sequential scan at 100,000 rows).
/// Parameters are positional; state names are the stored ones (<see cref="TranscodeStateMachine.CurrentStateOf"/>).
/// </summary>
internal static class MediaQuerySql
{
    private const string Columns = """
        "CorrelationId", "CurrentState", "FailureCode", "Attempt", "MaxAttempts", "Progress", "SourceKey", "UploadedAt", "CreatedAt", "UpdatedAt"
        """;

    /// <summary>One page and one row more (to know whether a next page exists), newest first by the keyset
    /// (createdAt, id): a row comparison the composite indexes answer as a range, never an OFFSET.</summary>
    public static NpgsqlBatchCommand List(MediaListQuery query)
    {
        var command = new NpgsqlBatchCommand();
        var conditions = new List<string>();
        string Parameter(object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            return "$" + command.Parameters.Count;
        }

        if (query.State is { } state)
        {
            conditions.Add($"\"CurrentState\" = {Parameter(TranscodeStateMachine.CurrentStateOf(state))}");
        }

        if (query.FailureCode is { } code)
        {
            conditions.Add($"\"FailureCode\" = {Parameter(code)}");
        }

        if (query.UpdatedSince is { } since)
        {
            conditions.Add($"\"UpdatedAt\" >= {Parameter(since.ToUniversalTime())}");
        }

        if (query.After is { } after)
        {
            conditions.Add($"(\"CreatedAt\", \"CorrelationId\") < ({Parameter(after.CreatedAt.ToUniversalTime())}, {Parameter(after.MediaId)})");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"""
            SELECT {Columns} FROM transcode_state {where}
            ORDER BY "CreatedAt" DESC, "CorrelationId" DESC LIMIT {Parameter(query.Limit + 1)}
            """;
        return command;
    }

    /// <summary>The statements of <see cref="MediaStats"/>, in the order <see cref="PostgresMediaQueries"/> reads them:
    /// counts by state; finished in the window; failures in the window by code with examples; stuck now; GPU usage
    /// measured in the window.</summary>
    public static IReadOnlyList<NpgsqlBatchCommand> Stats(DateTimeOffset since, DateTimeOffset now)
    {
        since = since.ToUniversalTime();
        var failed = TranscodeStateMachine.CurrentStateOf(MediaStates.Failed);
        return
        [
            Command("""SELECT "CurrentState", count(*) FROM transcode_state GROUP BY "CurrentState" """),
            Command("""
                SELECT "CurrentState", count(*) FROM transcode_state
                WHERE "CurrentState" = ANY($1) AND "UpdatedAt" >= $2 GROUP BY "CurrentState"
                """,
                new NpgsqlParameter { Value = new[] { TranscodeStateMachine.CurrentStateOf(MediaStates.Ready), failed }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = since }),
            Command("""
                SELECT code, total, "CorrelationId" FROM (
                    SELECT COALESCE("FailureCode", '') AS code, "CorrelationId",
                        row_number() OVER (PARTITION BY "FailureCode" ORDER BY "UpdatedAt" DESC, "CorrelationId" DESC) AS rank,
                        count(*) OVER (PARTITION BY "FailureCode") AS total
                    FROM transcode_state WHERE "CurrentState" = $1 AND "UpdatedAt" >= $2) failures
                WHERE rank <= $3 ORDER BY total DESC, code COLLATE "C", rank
                """,
                new NpgsqlParameter { Value = failed }, new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = MediaStats.FailureExamples }),
            Command("""
                SELECT "CorrelationId", count(*) OVER () FROM transcode_state
                WHERE "CurrentState" = $1 AND "DeadlineAt" < $2 ORDER BY "DeadlineAt", "CorrelationId" LIMIT $3
                """,
                new NpgsqlParameter { Value = TranscodeStateMachine.CurrentStateOf(MediaStates.Transcoding) },
                new NpgsqlParameter { Value = now.ToUniversalTime() }, new NpgsqlParameter { Value = MediaStats.StuckExamples }),

            // LastMeasuredAt is the latest of a row's attempts' measurements: every attempt measured in the window is in
            // a row the index finds; the attempts themselves are then picked from the jsonb.
            Command("""
                SELECT COALESCE(sum((a ->> 'executionTimeMs')::bigint), 0)::bigint, sum((a ->> 'estimatedCostUsd')::numeric)
                FROM transcode_state s CROSS JOIN LATERAL jsonb_array_elements(s."Attempts") a
                WHERE s."LastMeasuredAt" >= $1 AND (a ->> 'measuredAt')::timestamptz >= $1
                """,
                new NpgsqlParameter { Value = since }),
        ];
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
