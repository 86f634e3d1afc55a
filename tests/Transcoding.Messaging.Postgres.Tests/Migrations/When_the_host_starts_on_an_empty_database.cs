using Transcoding.Messaging.Postgres.Tests.Infrastructure;

namespace Transcoding.Messaging.Postgres.Tests.Migrations;

public sealed class When_the_host_starts_on_an_empty_database
{
    [Fact]
    public async Task Two_instances_starting_together_apply_the_migrations_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        var prefix = TestHost.NewPrefix();
        var observed = new Observed();

        var hosts = await Task.WhenAll(
            TestHost.Start(database, prefix, observed, withScheduler: true),
            TestHost.Start(database, prefix, observed, withScheduler: true));
        try
        {
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_InitialCreate'"));
            Assert.Equal(2L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('counter_sagas', 'scheduled_messages')"));
            // xmin is PostgreSQL's system column: the migration must not have created a column of that name.
            Assert.Equal(0L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'counter_sagas' AND column_name = 'xmin'"));
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }
}
