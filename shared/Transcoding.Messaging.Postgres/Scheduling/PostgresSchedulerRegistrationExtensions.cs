using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transcoding.Messaging.Postgres.Outbox;

namespace Transcoding.Messaging.Postgres.Scheduling;

public static class PostgresSchedulerRegistrationExtensions
{
    /// <summary>
    /// Hosts the durable scheduler on this bus: the consumers of <c>ScheduleMessage</c> and <c>CancelScheduledMessage</c>
    /// on <see cref="PostgresSchedulerOptions.QueueName"/> (retried through a database outage), the dispatcher that sends due rows, <c>IMessageScheduler</c>
    /// pointing at that queue, and <c>UseMessageScheduler</c> on every endpoint <c>ConfigureEndpoints</c> creates, so a
    /// saga's <c>Schedule</c>/<c>Unschedule</c> work. <typeparamref name="TDbContext"/> must map the table
    /// (<see cref="ScheduledMessageModelBuilderExtensions.AddScheduledMessages"/>).
    /// </summary>
    public static IBusRegistrationConfigurator AddPostgresMessageScheduler<TDbContext>(this IBusRegistrationConfigurator bus,
        Action<PostgresSchedulerOptions>? configure = null)
        where TDbContext : DbContext
    {
        var options = new PostgresSchedulerOptions();
        configure?.Invoke(options);

        bus.AddPostgresMessageDelivery<TDbContext>(configure);

        bus.AddConsumer<ScheduleMessageConsumer<TDbContext>>().Endpoint(e => e.Name = options.QueueName);
        bus.AddConsumer<CancelScheduledMessageConsumer<TDbContext>>().Endpoint(e => e.Name = options.QueueName);
        bus.AddMessageScheduler(options.Address);
        bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
        {
            if (name == options.QueueName)
            {
                // Its consumers write to PostgreSQL: an outage must not send a ScheduleMessage to the _error queue.
                endpoint.UseDatabaseOutageRetry();
            }

            endpoint.UseMessageScheduler(options.Address);
        });
        return bus;
    }

    /// <summary>
    /// The dispatcher delivering <c>scheduled_messages</c> rows of <typeparamref name="TDbContext"/> (scheduled messages and
    /// saga outbox rows), once per service collection whichever of the scheduler and the saga repository registers it.
    /// </summary>
    internal static IServiceCollection AddPostgresMessageDelivery<TDbContext>(this IServiceCollection services,
        Action<PostgresSchedulerOptions>? configure = null)
        where TDbContext : DbContext
    {
        var builder = services.AddOptions<PostgresSchedulerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxDeliverySignal>();
        services.AddHostedService<ScheduledMessageDispatcher<TDbContext>>();
        return services;
    }
}
