using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Messaging.Postgres.Scheduling;

namespace Transcoding.Messaging.Postgres.Sagas;

public static class PostgresSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Stores <typeparamref name="TSaga"/> through the caller's <typeparamref name="TDbContext"/> (registered with
    /// <c>AddDbContext</c>, mapping the scheduler's table: <see cref="ScheduledMessageModelBuilderExtensions.AddScheduledMessages"/>),
    /// with a transactional outbox: what a step publishes, sends or schedules is committed with the saga's state and
    /// delivered after the commit by the dispatcher this registers. Pair it with <see cref="PostgresSagaEndpointExtensions.UsePostgresSagaPolicies"/> on the saga's
    /// endpoint, e.g. through <see cref="PostgresSagaDefinition{TSaga}"/>.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        configurator.Repository(services => services.AddPostgresSagaRepository<TSaga, TDbContext>());
        return configurator;
    }

    /// <summary>Makes <typeparamref name="TDbContext"/> the repository of sagas added without a generic call (e.g. <c>AddSagaStateMachines(assembly)</c>).</summary>
    public static void SetPostgresSagaRepositoryProvider<TDbContext>(this IRegistrationConfigurator configurator)
        where TDbContext : DbContext =>
        configurator.SetSagaRepositoryProvider(new PostgresSagaRepositoryRegistrationProvider<TDbContext>());

    internal static void AddPostgresSagaRepository<TSaga, TDbContext>(this IServiceCollection services)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        // The outbox's rows are delivered by the scheduler's dispatcher; TDbContext must map them (AddScheduledMessages).
        services.AddPostgresMessageDelivery<TDbContext>();
        services.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
        services.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
        services.RegisterSagaRepository<TSaga, TDbContext, SagaConsumeContextFactory<TDbContext, TSaga>,
            PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
    }
}
