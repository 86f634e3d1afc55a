using MassTransit;
using MassTransit.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

public sealed class PostgresSagaRepositoryRegistrationProvider<TDbContext> : ISagaRepositoryRegistrationProvider
    where TDbContext : DbContext
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga =>
        configurator.PostgresRepository<TSaga, TDbContext>();
}
