using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Persistence;

/// <summary>
/// Migration <c>MediaListAndStats</c> on rows saved before it: creation time from the first transition (else the upload),
/// a transcoding row's deadline from its scheduled deadline message (else its last update: nothing will wake it), and
/// the latest measurement of its attempts.
/// </summary>
public sealed class When_rows_from_before_the_list_are_migrated
{
    private static readonly Guid Scheduled = Guid.Parse("00000000-0000-4000-8000-000000000001");
    private static readonly Guid Unscheduled = Guid.Parse("00000000-0000-4000-8000-000000000002");
    private static readonly Guid Ready = Guid.Parse("00000000-0000-4000-8000-000000000003");
    private static readonly Guid NoHistory = Guid.Parse("00000000-0000-4000-8000-000000000004");

    [Fact]
    public async Task Their_creation_time_deadline_and_last_measurement_are_filled_from_what_they_hold()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var db = new TranscodeDbContext(new DbContextOptionsBuilder<TranscodeDbContext>().UseNpgsql(database.ConnectionString).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261201000000_RetireSagaContentType");
        var token = Guid.NewGuid();
        await database.ScalarAsync<object>($"""
            INSERT INTO scheduled_messages (token_id, attempts, created_at, destination, due_time, headers, payload, payload_types)
            VALUES ('{token}', 0, '2026-11-30T10:00:00Z', 'queue:transcode-state', '2026-11-30T10:20:00Z', '{"{}"}', '{"{}"}', ARRAY['x']);
            INSERT INTO transcode_state ("CorrelationId", "CurrentState", "SourceKey", "SizeBytes", "UploadedAt", "Attempt", "MaxAttempts",
                "Progress", "FailurePermanent", "History", "Attempts", "UpdatedAt", "DeadlineTokenId") VALUES
            ('{Scheduled}', 'Transcoding', 'a', 1, '2026-11-30T09:59:00Z', 1, 2, 0, false,
                '[{"{"}"to":"uploaded","at":"2026-11-30T10:00:00+00:00","attempt":0{"}"}]', '[]', '2026-11-30T10:00:00Z', '{token}'),
            ('{Unscheduled}', 'Transcoding', 'b', 1, '2026-11-30T08:59:00Z', 1, 2, 0, false,
                '[{"{"}"to":"uploaded","at":"2026-11-30T09:00:00+00:00","attempt":0{"}"}]', '[]', '2026-11-30T09:05:00Z', NULL),
            ('{Ready}', 'Ready', 'c', 1, '2026-11-30T06:59:00Z', 2, 2, 100, false,
                '[{"{"}"to":"uploaded","at":"2026-11-30T07:00:00+00:00","attempt":0{"}"}]',
                '[{"{"}"attempt":1,"measuredAt":"2026-11-30T07:30:00+00:00"{"}"},{"{"}"attempt":2,"measuredAt":"2026-11-30T08:10:00+00:00"{"}"}]',
                '2026-11-30T08:00:00Z', NULL),
            ('{NoHistory}', 'Failed', 'd', 1, '2026-11-30T05:00:00Z', 1, 2, 0, false, '[]', '[{"{"}"attempt":1{"}"}]', '2026-11-30T05:10:00Z', NULL)
            """);

        await migrator.MigrateAsync();

        Assert.Equal(
            [
                $"{Scheduled} 2026-11-30T10:00 2026-11-30T10:20 -",
                $"{Unscheduled} 2026-11-30T09:00 2026-11-30T09:05 -",
                $"{Ready} 2026-11-30T07:00 - 2026-11-30T08:10",
                $"{NoHistory} 2026-11-30T05:00 - -",
            ],
            (await database.ScalarAsync<string>("""
                SELECT string_agg(concat_ws(' ', "CorrelationId", to_char("CreatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), COALESCE(to_char("DeadlineAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), '-'), COALESCE(to_char("LastMeasuredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), '-')), '|'
                    ORDER BY "CorrelationId") FROM transcode_state
                """))!.Split('|'));
    }
}
