using Microsoft.EntityFrameworkCore;

namespace Transcoding.Gateway.Deduplication;

/// <summary>
/// The dedup store's schema, applied by its migrations at start-up (<c>AddMigratedDbContext</c>); the store itself
/// writes with plain SQL (<see cref="PostgresWebhookDeduplicator"/>). The table is a property bag: no entity type is
/// ever loaded.
/// </summary>
public sealed class WebhookDeliveryDbContext(DbContextOptions<WebhookDeliveryDbContext> options) : DbContext(options)
{
    /// <summary>The gateway's own migrations history, apart from the other services' in a shared database.</summary>
    public const string HistoryTable = "__gateway_migrations";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(PostgresWebhookDeduplicator.TableName, row =>
        {
            row.ToTable(PostgresWebhookDeduplicator.TableName);
            row.Property<string>("key");
            row.Property<bool>("processed");
            row.Property<DateTimeOffset>("expires_at");
            // The names PostgreSQL and the gateway gave them when the gateway created the table itself, before migrations.
            row.HasKey("key").HasName("gateway_webhook_deliveries_pkey");
            row.HasIndex("expires_at").HasDatabaseName("gateway_webhook_deliveries_expires_at");
        });
}
