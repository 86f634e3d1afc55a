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

        // Rows an orchestrator of the previous release inserts during a rolling deploy (it does not know the column)
        // get their insert time, which is what the column means.
        builder.Property(x => x.CreatedAt).HasDefaultValueSql("now()");

        // One index per list filter and stats query (StatusApi, Queries/MediaQuerySql): the list's keyset order (created,
        // id) alone, after a state, after a state and failure code; the window's finished and failed items by state and
        // update time; a list filter on update time alone; stuck items by deadline; attempts measured in a window.
        builder.HasIndex(x => new { x.CreatedAt, x.CorrelationId }).HasDatabaseName("ix_transcode_state_created");
        builder.HasIndex(x => new { x.CurrentState, x.CreatedAt, x.CorrelationId }).HasDatabaseName("ix_transcode_state_state_created");
        builder.HasIndex(x => new { x.CurrentState, x.FailureCode, x.CreatedAt, x.CorrelationId }).HasDatabaseName("ix_transcode_state_state_code_created");
        builder.HasIndex(x => new { x.CurrentState, x.UpdatedAt }).HasDatabaseName("ix_transcode_state_state_updated");
        builder.HasIndex(x => x.UpdatedAt).HasDatabaseName("ix_transcode_state_updated");
        builder.HasIndex(x => new { x.CurrentState, x.DeadlineAt }).HasDatabaseName("ix_transcode_state_state_deadline");
        builder.HasIndex(x => x.LastMeasuredAt).HasDatabaseName("ix_transcode_state_last_measured");
    }
}
