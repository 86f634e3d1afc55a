using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Transcoding.Messaging.Postgres.Migrations;

public static class MigrationServiceCollectionExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TDbContext"/>'s migrations when the host starts, before the bus and every other hosted
    /// service start. The database itself must exist (the migration creates tables, not databases).
    /// </summary>
    public static IServiceCollection MigrateDatabaseOnStartup<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext =>
        services.AddHostedService<DatabaseMigrator<TDbContext>>();

    /// <summary>
    /// Registers <typeparamref name="TDbContext"/> on the PostgreSQL database of <paramref name="connectionString"/> and
    /// migrates it at start-up (<see cref="MigrateDatabaseOnStartup{TDbContext}"/>). Its migrations history is kept in
    /// <paramref name="historyTable"/>, not EF Core's shared <c>__EFMigrationsHistory</c>, so the contexts of several
    /// services can share one database (as in the end-to-end tests) without reading each other's history.
    /// </summary>
    public static IServiceCollection AddMigratedDbContext<TDbContext>(this IServiceCollection services, string connectionString, string historyTable)
        where TDbContext : DbContext =>
        services
            .AddDbContext<TDbContext>(db => db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(historyTable)))
            .MigrateDatabaseOnStartup<TDbContext>();
}
