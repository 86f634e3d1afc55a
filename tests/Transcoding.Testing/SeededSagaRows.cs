using System.Globalization;

namespace Transcoding.Testing;

/// <summary>
/// Many saga rows at once for plan and latency checks (the EXPLAIN test, <c>make bench</c>'s media-stats row): one
/// <c>generate_series</c> insert into a migrated <c>transcode_state</c>, then <c>VACUUM ANALYZE</c> so the planner knows
/// the table as autovacuum would leave it. Row i was created i × 30 s before now (100,000 rows span about 35 days);
/// 2 % are transcoding (a quarter of them past their deadline), 8 % failed over four codes, the rest ready; each ended item has one
/// attempt measured a minute after it ended; each has a three-entry history, so rows are as wide as real ones.
/// </summary>
public static class SeededSagaRows
{
    public static string Sql(int count, DateTimeOffset now) => string.Format(CultureInfo.InvariantCulture, """
        INSERT INTO transcode_state ("CorrelationId", "CurrentState", "SourceKey", "SizeBytes", "UploadedAt", "Attempt", "MaxAttempts",
            "Progress", "FailureCode", "FailureMessage", "FailurePermanent", "History", "Attempts", "UpdatedAt", "CreatedAt", "DeadlineAt", "LastMeasuredAt")
        SELECT md5(i::text)::uuid, state, 'uploads/' || i || '/source.mp4', 1000000, created - interval '1 second', 1, 2,
            CASE WHEN state = 'Ready' THEN 100 ELSE 40 END,
            CASE WHEN state = 'Failed' THEN (ARRAY['source_unreadable', 'worker_crashed', 'cancelled', 'source_truncated'])[1 + i / 100 % 4] END,
            CASE WHEN state = 'Failed' THEN 'it failed' END, false,
            jsonb_build_array(
                jsonb_build_object('from', null, 'to', 'uploaded', 'at', created, 'attempt', 0, 'reason', 'media uploaded'),
                jsonb_build_object('from', 'uploaded', 'to', 'transcoding', 'at', created, 'attempt', 1, 'reason', 'GPU job dispatched'),
                jsonb_build_object('from', 'transcoding', 'to', lower(state), 'at', updated, 'attempt', 1, 'reason', 'transcode ended')),
            CASE WHEN state = 'Transcoding' THEN '[{{"attempt":1}}]'::jsonb ELSE jsonb_build_array(jsonb_build_object('attempt', 1,
                'jobId', 'job-' || i, 'outcome', lower(state), 'executionTimeMs', 1000 + i % 5000, 'delayTimeMs', 500,
                'estimatedCostUsd', (1000 + i % 5000) * 0.0000002, 'measuredAt', updated + interval '1 minute')) END,
            updated, created,
            CASE WHEN state = 'Transcoding' THEN created + CASE WHEN i % 200 = 0 THEN interval '20 minutes' ELSE interval '10 days' END END,
            CASE WHEN state <> 'Transcoding' THEN updated + interval '1 minute' END
        FROM (
            SELECT i, created, LEAST(created + interval '5 minutes', '{1:o}'::timestamptz) AS updated,
                CASE WHEN i % 100 < 2 THEN 'Transcoding' WHEN i % 100 < 10 THEN 'Failed' ELSE 'Ready' END AS state
            FROM (SELECT i, '{1:o}'::timestamptz - i * interval '30 seconds' AS created FROM generate_series(1, {0}) AS i) AS numbered
        ) AS rows;
        """, count, now.ToUniversalTime());

    public const string Analyze = "VACUUM ANALYZE transcode_state";
}
