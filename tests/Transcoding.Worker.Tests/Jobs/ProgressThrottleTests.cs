using Microsoft.Extensions.Time.Testing;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Jobs;

public class ProgressThrottleTests
{
    [Theory]
    [InlineData(new[] { 0, 500, 1000, 2000, 2500, 4000 }, new[] { 1.0, 2, 3, 4, 5, 6 }, new[] { true, false, false, true, false, true })]
    [InlineData(new[] { 0, 3000, 6000 }, new[] { 10.0, 10, 9 }, new[] { true, false, false })]
    [InlineData(new[] { 0, 0, 0 }, new[] { 5.0, 50, 100 }, new[] { true, false, false })]
    public void When_progress_arrives_it_passes_at_most_every_interval_and_only_forward(int[] atMilliseconds, double[] percents, bool[] expected)
    {
        var time = new FakeTimeProvider();
        var throttle = new ProgressThrottle(time, TimeSpan.FromSeconds(2));
        var passed = new List<bool>();
        var now = 0;

        for (var i = 0; i < percents.Length; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(atMilliseconds[i] - now));
            now = atMilliseconds[i];
            passed.Add(throttle.TryPass(percents[i]));
        }

        Assert.Equal(expected, passed);
    }
}
