using MassTransit;

namespace Transcoding.Benchmarks;

/// <summary>Does nothing but count: the bare consumer of the baseline, and the end of the saga's measured path.</summary>
public sealed class CountingConsumer<T>(Countdown countdown) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        countdown.Signal();
        return Task.CompletedTask;
    }
}
