using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Messaging.Postgres.Migrations;

namespace Transcoding.Testing;

/// <summary>A service's EF Core migrations applied exactly as its host applies them at start-up (<c>DatabaseMigrator</c>, under its advisory lock).</summary>
public static class SchemaMigration
{
    public static async Task ApplyAsync<TDbContext>(string connectionString, string historyTable)
        where TDbContext : DbContext
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddMigratedDbContext<TDbContext>(connectionString, historyTable)
            .BuildServiceProvider();
        foreach (var migrator in services.GetServices<IHostedService>().OfType<IHostedLifecycleService>())
        {
            await migrator.StartingAsync(CancellationToken.None);
        }
    }
}
