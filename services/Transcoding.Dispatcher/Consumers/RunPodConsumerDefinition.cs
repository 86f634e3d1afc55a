using MassTransit;
using Microsoft.Extensions.Options;
using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Every consumer that calls RunPod: a command that failed transiently (RunPod down after the HTTP retries) is
/// redelivered a few times with growing intervals, then lands in the endpoint's <c>_error</c> queue for replay.
/// </summary>
public sealed class RunPodConsumerDefinition<TConsumer>(IOptions<RunPodOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var retry = options.Value;
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(retry.MessageRetryLimit, retry.MessageRetryMinInterval, retry.MessageRetryMaxInterval, retry.MessageRetryMinInterval);
            r.Ignore<RunPodRejectedException>();
        });
    }
}
