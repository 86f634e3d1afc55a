using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Transcoding.Messaging.Postgres.Migrations;

/// <summary>
/// Applies <typeparamref name="TDbContext"/>'s EF Core migrations in <see cref="StartingAsync"/>, which the host runs
/// before any hosted service's StartAsync, so the bus never consumes against a missing schema. A session advisory
/// lock keyed on the context's name serializes instances that start together; the later ones find nothing to apply.
/// </summary>
public sealed class DatabaseMigrator<TDbContext>(IServiceScopeFactory scopeFactory, ILogger<DatabaseMigrator<TDbContext>> logger)
    : IHostedLifecycleService
    where TDbContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TDbContext>().Database;
        var lockName = typeof(TDbContext).FullName!;

        Log.ApplyingMigrations(logger, typeof(TDbContext).Name);
        // The lock belongs to the session, so keep one connection open across lock, migrate and unlock.
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({lockName}))", cancellationToken);
            try
            {
                await database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({lockName}))", CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
        Log.MigrationsApplied(logger, typeof(TDbContext).Name);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
