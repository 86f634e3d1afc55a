using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Transcoding.Messaging.Postgres.Scheduling;

public static class PostgresSchedulerRegistrationExtensions
{
    /// <summary>
    /// Hosts the durable scheduler on this bus: the consumers of <c>ScheduleMessage</c> and <c>CancelScheduledMessage</c>
    /// on <see cref="PostgresSchedulerOptions.QueueName"/>, the dispatcher that sends due rows, <c>IMessageScheduler</c>
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

        bus.AddOptions<PostgresSchedulerOptions>()
            .Configure(o => configure?.Invoke(o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddHostedService<ScheduledMessageDispatcher<TDbContext>>();

        bus.AddConsumer<ScheduleMessageConsumer<TDbContext>>().Endpoint(e => e.Name = options.QueueName);
        bus.AddConsumer<CancelScheduledMessageConsumer<TDbContext>>().Endpoint(e => e.Name = options.QueueName);
        bus.AddMessageScheduler(options.Address);
        bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageScheduler(options.Address));
        return bus;
    }
}
