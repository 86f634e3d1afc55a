using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>Maps <see cref="ScheduledMessage"/> to <c>scheduled_messages</c>; column names are fixed because the scheduler's SQL names them.</summary>
public sealed class ScheduledMessageConfiguration : IEntityTypeConfiguration<ScheduledMessage>
{
    public const string TableName = "scheduled_messages";

    public void Configure(EntityTypeBuilder<ScheduledMessage> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(x => x.TokenId);
        builder.Property(x => x.TokenId).HasColumnName("token_id").ValueGeneratedNever();
        builder.Property(x => x.DueTime).HasColumnName("due_time");
        builder.Property(x => x.Destination).HasColumnName("destination");
        builder.Property(x => x.PayloadTypes).HasColumnName("payload_types");
        builder.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(x => x.MessageId).HasColumnName("message_id");
        builder.Property(x => x.CorrelationId).HasColumnName("correlation_id");
        builder.Property(x => x.ConversationId).HasColumnName("conversation_id");
        builder.Property(x => x.InitiatorId).HasColumnName("initiator_id");
        builder.Property(x => x.RequestId).HasColumnName("request_id");
        builder.Property(x => x.SourceAddress).HasColumnName("source_address");
        builder.Property(x => x.ResponseAddress).HasColumnName("response_address");
        builder.Property(x => x.FaultAddress).HasColumnName("fault_address");
        builder.Property(x => x.ExpirationTime).HasColumnName("expiration_time");
        builder.Property(x => x.Headers).HasColumnName("headers").HasColumnType("jsonb");
        builder.Property(x => x.Attempts).HasColumnName("attempts");
        builder.Property(x => x.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(x => x.DueTime).HasDatabaseName("ix_scheduled_messages_due_time");
    }
}
