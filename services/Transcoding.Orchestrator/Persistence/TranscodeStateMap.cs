using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcoding.Messaging.Postgres;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared;

namespace Transcoding.Orchestrator.Persistence;

public sealed class TranscodeStateMap : IEntityTypeConfiguration<TranscodeState>
{
    public void Configure(EntityTypeBuilder<TranscodeState> entity)
    {
        entity.ToTable("transcode_state");
        entity.HasKey(x => x.CorrelationId);
        entity.Property(x => x.CurrentState).HasMaxLength(64);
        entity.Property(x => x.SourceKey).HasMaxLength(1024);
        entity.Property(x => x.JobId).HasMaxLength(256);
        entity.Property(x => x.FailureCode).HasMaxLength(128);
        entity.Property(x => x.Outputs).HasJsonbConversion(JsonDefaults.Web);
        entity.Property(x => x.History).HasJsonbConversion(JsonDefaults.Web);
        entity.Property(x => x.Attempts).HasJsonbConversion(JsonDefaults.Web);

        // Npgsql maps a uint row version to PostgreSQL's xmin system column: optimistic concurrency with no column of our own.
        entity.Property(x => x.Version).IsRowVersion();
        entity.HasIndex(x => x.CurrentState);
    }
}
