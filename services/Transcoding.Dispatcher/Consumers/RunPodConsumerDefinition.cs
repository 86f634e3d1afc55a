using MassTransit;
using Microsoft.Extensions.Options;
using Transcoding.Dispatcher.RunPod;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Every consumer that calls RunPod. A command that failed transiently (RunPod down after the HTTP retries) is
/// redelivered a few times with growing intervals, then lands in the endpoint's <c>_error</c> queue for replay. A command
/// that met a configuration fault is delivered again every <see cref="RunPodOptions.ConfigurationFaultRedeliveryInterval"/>
/// until RunPod accepts it, and only after <see cref="RunPodOptions.ConfigurationFaultRedeliveryLimit"/> goes to
/// <c>_error</c> (from where <c>ops faults replay</c> brings it back once the key is fixed).
/// </summary>
public sealed class RunPodConsumerDefinition<TConsumer>(IOptions<RunPodOptions> options, IOptions<BusOptions> bus) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var retry = options.Value;
        if (bus.Value.Transport == BusTransport.RabbitMq)
        {
            // RabbitMQ delays nothing here (no delayed-exchange plugin): the redelivery is kept by the orchestrator's
            // PostgreSQL scheduler. The in-memory bus schedules by itself (UseDelayedMessageScheduler).
            endpointConfigurator.UseMessageScheduler(new Uri($"queue:{retry.SchedulerQueue}"));
        }

        // Configuration faults: MassTransit's scheduled redelivery, chosen over
        // - an in-memory retry: it holds the message unacknowledged for as long as the fault lasts (RabbitMQ closes a
        //   channel whose delivery stays unacked past its consumer timeout, 30 min by default) and fills the prefetch;
        // - a kill switch: it trips on a failure ratio of every exception type, so one item's rejections could stop the
        //   endpoint, and the messages that tripped it still take the retry and error path;
        // - a loop of our own.
        // The message is acknowledged only once its redelivery is stored in PostgreSQL: a dispatcher restart (the usual
        // way to fix a key) loses nothing, and the next delivery meets the new configuration. No attempt is spent.
        endpointConfigurator.UseScheduledRedelivery(r =>
        {
            r.Handle<RunPodConfigurationException>();
            r.Interval(retry.ConfigurationFaultRedeliveryLimit, retry.ConfigurationFaultRedeliveryInterval);
        });
        // Another delivery's claim (a dispatcher killed during /run leaves one without a job id until the lease ends):
        // delivered again, scheduled, until well past the lease. The short message retries below would send it to _error
        // minutes before the claim expires, and the item would wait for an operator's replay.
        endpointConfigurator.UseScheduledRedelivery(r =>
        {
            r.Handle<DispatchInProgressException>();
            r.Interval((int)Math.Ceiling(retry.DispatchClaimLease * 1.5 / retry.DispatchClaimRedeliveryInterval), retry.DispatchClaimRedeliveryInterval);
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(retry.MessageRetryLimit, retry.MessageRetryMinInterval, retry.MessageRetryMaxInterval, retry.MessageRetryMinInterval);
            r.Ignore<RunPodRejectedException>();
            r.Ignore<DispatchInProgressException>();

            // Seconds later it is still wrong: straight to the scheduled redelivery above.
            r.Ignore<RunPodConfigurationException>();
        });
    }
}
