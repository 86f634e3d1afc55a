using Npgsql;

namespace Transcoding.Chaos.Truth;

/// <summary>
/// Reads the saga table (<c>transcode_state</c>) and the dispatcher's ledger (<c>dispatch_ledger</c>) directly; the GPU
/// jobs come from RunPod (<see cref="ChaosSystem.RunPodJobsAsync"/>). States
/// come lower-cased, as the history and the status API name them (the column holds MassTransit's <c>Ready</c>).
/// </summary>
public sealed class SagaTable(string connectionString)
{
    private const string Query = """
        SELECT s."CorrelationId", lower(s."CurrentState"), s."FailureCode", s."FailurePermanent",
               (SELECT count(*) FROM jsonb_array_elements(s."History") h WHERE h->>'to' = 'ready')::int,
               jsonb_array_length(s."Attempts"),
               (SELECT count(*) FROM dispatch_ledger d WHERE d.media_id = s."CorrelationId" AND d.job_id IS NOT NULL)::int,
               (SELECT max((h->>'at')::timestamptz) FROM jsonb_array_elements(s."History") h WHERE h->>'to' IN ('ready', 'failed'))
        FROM transcode_state s
        """;

    public async Task<IReadOnlyDictionary<Guid, SagaRow>> ReadAsync()
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, SagaRow>();
        while (await reader.ReadAsync())
        {
            var row = new SagaRow(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                GpuJobs: 0,
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                LedgerJobs: reader.GetInt32(6));
            rows[row.MediaId] = row;
        }

        return rows;
    }

    /// <summary>Outbox rows and scheduled deadlines not yet delivered.</summary>
    public async Task<long> PendingScheduledMessagesAsync()
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT count(*) FROM scheduled_messages");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
