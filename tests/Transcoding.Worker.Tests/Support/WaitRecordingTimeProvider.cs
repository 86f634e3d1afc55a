using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the length of every wait started on it (each
/// <c>Task.Delay(…, TimeProvider, …)</c> is one timer), so a test sees the worker waiting, and for how long, before
/// it moves the clock.
/// </summary>
public sealed class WaitRecordingTimeProvider : TimeProvider
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Every timer's first due time, in creation order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Waits.Enqueue(dueTime);
        return Clock.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits until a wait of exactly <paramref name="length"/> has been started <paramref name="count"/> times.</summary>
    public Task WaitStartedAsync(TimeSpan length, int count = 1) =>
        Eventually.Until(() => Waits.Count(wait => wait == length), started => started >= count, $"{count} wait(s) of {length.TotalSeconds} s to start");
}
