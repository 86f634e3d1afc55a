using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcoding.Messaging.Postgres;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared;

namespace Transcoding.Orchestrator.Persistence;

public sealed class TranscodeStateMap : IEntityTypeConfiguration<TranscodeState>
{
    public void Configure(EntityTypeBuilder<TranscodeState> builder)
    {
        builder.ToTable("transcode_state");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.Property(x => x.SourceKey).HasMaxLength(1024);
        builder.Property(x => x.JobId).HasMaxLength(256);
        builder.Property(x => x.FailureCode).HasMaxLength(128);
        builder.Property(x => x.Outputs).HasJsonbConversion(JsonDefaults.Web);
        builder.Property(x => x.History).HasJsonbConversion(JsonDefaults.Web);
        builder.Property(x => x.Attempts).HasJsonbConversion(JsonDefaults.Web);

        // Npgsql maps a uint row version to PostgreSQL's xmin system column: optimistic concurrency with no column of our own.
        builder.Property(x => x.Version).IsRowVersion();
        builder.HasIndex(x => x.CurrentState);
    }
}
