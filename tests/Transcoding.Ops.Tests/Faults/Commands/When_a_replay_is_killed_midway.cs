using Transcoding.Ops.Tests.Infrastructure;
using Transcoding.Testing;

namespace Transcoding.Ops.Tests.Faults.Commands;

/// <summary>
/// The replay process is killed (SIGKILL) while it works, then run again. What is asserted, and why:
/// <list type="bullet">
/// <item>the kill really happened mid-way: some messages, not all, were processed by then;</item>
/// <item>no message is lost: after the second run every original message id was processed and the error queue is empty;</item>
/// <item>at most ONE extra consumption: the CLI handles one message at a time (publish, wait for the broker's confirm,
/// then ack the error copy), so the only message that can be delivered twice is the one whose ack the kill cut off.
/// That duplicate carries the same message id, which is what an idempotent consumer (or MassTransit's inbox) keys on,
/// so the distinct ids processed are exactly the faulted ones.</item>
/// </list>
/// </summary>
public sealed class When_a_replay_is_killed_midway : FaultyServiceTest
{
    private const int Count = 40;

    [Fact]
    public async Task Rerunning_it_loses_nothing_and_duplicates_at_most_the_message_in_flight()
    {
        var ids = await Service.FaultAsync(Count);
        Service.Ledger.Failing = false;

        using (var first = OpsProcess.Start(["faults", "replay", "--all", "--rate", SlowReplayRate, .. Host.CliOptions]))
        {
            await Eventually.True(() => Service.Ledger.Processed.Count >= 2 || first.HasExited, "the first replay under way");
            Assert.False(first.HasExited, first.Output);
            await first.KillAsync();
        }

        // The broker requeues the killed run's unacknowledged message when it sees the connection drop; the queue does
        // so on its own time, so the second run starts once every message not consumed is back.
        await Eventually.True(async () => !(await Host.ConnectionNamesAsync()).Contains("transcoding-ops"), "the killed connection closed by the broker");
        await Service.WaitUntilConsumedAsync();
        var processedAtKill = Service.Ledger.DistinctProcessed.Count;
        Assert.InRange(processedAtKill, 1, Count - 1);
        await Eventually.True(async () => await Host.DepthAsync(FaultyService.ErrorQueue) >= Count - processedAtKill, $"the {Count - processedAtKill} messages not consumed back in {FaultyService.ErrorQueue}");

        using (var second = OpsProcess.Start(["faults", "replay", "--all", .. Host.CliOptions]))
        {
            var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, second.Output);
        }

        await Service.WaitUntilConsumedAsync();
        Assert.Equal(ids.Order(), Service.Ledger.DistinctProcessed.Order());
        Assert.InRange(Service.Ledger.Processed.Count, Count, Count + 1);
        Assert.Equal(0u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }
}
