using System.Diagnostics;
using Transcoding.Chaos.Faults;

namespace Transcoding.Chaos.Tests;

/// <summary>
/// <see cref="FaultSchedule.RunAsync"/> on plans due at once with faults held for no time: what is recorded when a fault
/// finds nothing to act on or cannot be given back, and the same fault never injected again while it is held.
/// </summary>
public sealed class When_the_fault_schedule_runs
{
    [Fact]
    public async Task A_fault_that_found_nothing_to_act_on_is_recorded_as_not_injected_and_never_stopped()
    {
        var fault = new FakeFault("SIGKILL a worker mid-encode", TimeSpan.Zero, new FaultEffect(false, "no encode running"));

        var record = Assert.Single(await FaultSchedule.RunAsync([(fault, TimeSpan.Zero)], Stopwatch.StartNew(), CancellationToken.None));

        Assert.Equal(new FaultEffect(false, "no encode running"), record.Effect);
        Assert.Equal(record.InForce, record.Stopped);
        Assert.Null(record.StopError);
        Assert.Equal(0, fault.Stops);
    }

    [Fact]
    public async Task A_stop_that_throws_is_recorded_with_its_first_line_and_no_stop_time_and_frees_the_fault()
    {
        var fault = new FakeFault("SIGKILL gateway", TimeSpan.Zero, stopFailure: new InvalidOperationException("gateway not ready after 60 s\n   at Restart()"));

        var records = await FaultSchedule.RunAsync([(fault, TimeSpan.Zero), (fault, TimeSpan.Zero)], Stopwatch.StartNew(), CancellationToken.None);

        Assert.Equal(2, records.Count);
        Assert.All(records, record =>
        {
            Assert.True(record.Effect.Injected);
            Assert.Null(record.Stopped);
            Assert.Equal("InvalidOperationException: gateway not ready after 60 s", record.StopError);
        });
        Assert.Equal(2, fault.Starts);
    }

    [Fact]
    public async Task The_same_fault_planned_three_times_at_once_is_held_once_at_a_time()
    {
        var fault = new FakeFault("stop RabbitMQ", TimeSpan.Zero);
        var other = new FakeFault("stop s3rver", TimeSpan.Zero);

        var records = await FaultSchedule.RunAsync(
            [(fault, TimeSpan.Zero), (other, TimeSpan.Zero), (fault, TimeSpan.Zero), (fault, TimeSpan.Zero)], Stopwatch.StartNew(), CancellationToken.None);

        Assert.Equal((3, 3, 1), (fault.Starts, fault.Stops, fault.MostHeld));
        Assert.Equal(1, other.Stops);
        var same = records.Where(record => record.Name == fault.Name).ToList();
        Assert.All(same.Zip(same.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Stopped, $"started at {pair.Second.Started} before the previous stop at {pair.First.Stopped}"));
        Assert.Equal(records.Select(record => record.Started).Order(), records.Select(record => record.Started));
    }
}
