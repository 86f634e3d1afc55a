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
}
