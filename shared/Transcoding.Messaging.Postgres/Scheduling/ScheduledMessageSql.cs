using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>The two statements LINQ cannot express: an atomic upsert and a SKIP LOCKED claim.</summary>
static class ScheduledMessageSql
{
    public static Task Upsert(DbContext dbContext, ScheduledMessage row, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO {Table(dbContext)} (token_id, due_time, destination, payload_types, payload, message_id, correlation_id,
                conversation_id, initiator_id, request_id, source_address, response_address, fault_address, expiration_time,
                headers, attempts, created_at)
            VALUES (@token_id, @due_time, @destination, @payload_types, @payload, @message_id, @correlation_id,
                @conversation_id, @initiator_id, @request_id, @source_address, @response_address, @fault_address, @expiration_time,
                @headers, 0, @created_at)
            ON CONFLICT (token_id) DO UPDATE SET due_time = EXCLUDED.due_time, destination = EXCLUDED.destination,
                payload_types = EXCLUDED.payload_types, payload = EXCLUDED.payload, message_id = EXCLUDED.message_id,
                correlation_id = EXCLUDED.correlation_id, conversation_id = EXCLUDED.conversation_id,
                initiator_id = EXCLUDED.initiator_id, request_id = EXCLUDED.request_id, source_address = EXCLUDED.source_address,
                response_address = EXCLUDED.response_address, fault_address = EXCLUDED.fault_address,
                expiration_time = EXCLUDED.expiration_time, headers = EXCLUDED.headers, attempts = 0, created_at = EXCLUDED.created_at
            """;
        NpgsqlParameter[] parameters =
        [
            new("token_id", row.TokenId),
            new("due_time", row.DueTime),
            new("destination", row.Destination),
            new("payload_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = row.PayloadTypes },
            new("payload", NpgsqlDbType.Jsonb) { Value = row.Payload },
            Nullable("message_id", NpgsqlDbType.Uuid, row.MessageId),
            Nullable("correlation_id", NpgsqlDbType.Uuid, row.CorrelationId),
            Nullable("conversation_id", NpgsqlDbType.Uuid, row.ConversationId),
            Nullable("initiator_id", NpgsqlDbType.Uuid, row.InitiatorId),
            Nullable("request_id", NpgsqlDbType.Uuid, row.RequestId),
            Nullable("source_address", NpgsqlDbType.Text, row.SourceAddress),
            Nullable("response_address", NpgsqlDbType.Text, row.ResponseAddress),
            Nullable("fault_address", NpgsqlDbType.Text, row.FaultAddress),
            Nullable("expiration_time", NpgsqlDbType.TimestampTz, row.ExpirationTime),
            new("headers", NpgsqlDbType.Jsonb) { Value = row.Headers },
            new("created_at", row.CreatedAt),
        ];
        return dbContext.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    /// <summary>
    /// Locks up to <paramref name="limit"/> due rows for the current transaction; rows another instance holds are skipped,
    /// so several schedulers share the table without sending a row twice.
    /// </summary>
    public static Task<List<ScheduledMessage>> ClaimDue(DbContext dbContext, DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Only the table name is spliced in, and it comes from the model, not from input.
        var sql = $"SELECT * FROM {Table(dbContext)} WHERE due_time <= @now ORDER BY due_time LIMIT @limit FOR UPDATE SKIP LOCKED";
        return dbContext.Set<ScheduledMessage>()
            .FromSqlRaw(sql, new NpgsqlParameter("now", now), new NpgsqlParameter("limit", limit))
            .AsTracking()
            .ToListAsync(cancellationToken);
    }

    static string Table(DbContext dbContext)
    {
        var entityType = dbContext.Model.FindEntityType(typeof(ScheduledMessage))
            ?? throw new InvalidOperationException(
                $"{dbContext.GetType().Name} does not map {nameof(ScheduledMessage)}: call modelBuilder.AddScheduledMessages() in OnModelCreating.");
        return dbContext.GetService<ISqlGenerationHelper>().DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
    }

    static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };
}
