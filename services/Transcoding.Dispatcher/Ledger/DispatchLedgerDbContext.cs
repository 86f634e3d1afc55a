using Microsoft.EntityFrameworkCore;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>
/// The ledger's schema, applied by its migrations at start-up (<c>AddMigratedDbContext</c>); the ledger itself writes
/// with plain SQL (<see cref="PostgresDispatchLedger"/>). The table is a property bag: no entity type is ever loaded.
/// </summary>
public sealed class DispatchLedgerDbContext(DbContextOptions<DispatchLedgerDbContext> options) : DbContext(options)
{
    /// <summary>The ledger's own migrations history, apart from the other services' in a shared database.</summary>
    public const string HistoryTable = "__dispatch_ledger_migrations";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(PostgresDispatchLedger.TableName, row =>
        {
            row.ToTable(PostgresDispatchLedger.TableName);
            row.Property<Guid>("media_id");
            row.Property<int>("attempt");
            row.Property<string?>("job_id");
            row.Property<DateTimeOffset>("claimed_at");
            row.Property<DateTimeOffset?>("dispatched_at");
            row.Property<DateTimeOffset?>("cancelled_at");
            // The names PostgreSQL gave them when the dispatcher created the table itself, before migrations.
            row.HasKey("media_id", "attempt").HasName("dispatch_ledger_pkey");
            row.HasIndex("claimed_at").HasDatabaseName("dispatch_ledger_claimed_at");
        });
}
