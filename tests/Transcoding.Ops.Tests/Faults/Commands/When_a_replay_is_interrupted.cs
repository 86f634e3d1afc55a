using Transcoding.Ops.Tests.Infrastructure;
using Transcoding.Testing;

namespace Transcoding.Ops.Tests.Faults.Commands;

/// <summary>
/// Ctrl+C during a replay: the CLI puts back what it holds and exits 130; nothing is lost or reordered. As when it is
/// killed (<see cref="When_a_replay_is_killed_midway"/>), the one message in flight when the signal came may be both
/// replayed and put back: its confirm can be on its way while the CLI stops.
/// </summary>
public sealed class When_a_replay_is_interrupted : FaultyServiceTest
{
    private const int Count = 30;

    [Fact]
    public async Task What_was_not_replayed_stays_in_the_error_queue_in_its_order()
    {
        await Service.FaultAsync(Count);
        var before = (await OpsAsync("faults", "list", "--json")).JsonRoot.GetProperty("messages").EnumerateArray()
            .Select(m => Guid.Parse(m.GetProperty("messageId").GetString()!)).ToList();
        Service.Ledger.Failing = false;

        int exitCode;
        string output;
        using (var replay = OpsProcess.Start(["faults", "replay", "--all", "--rate", SlowReplayRate, .. Host.CliOptions]))
        {
            await Eventually.True(() => Service.Ledger.Processed.Count >= 1 || replay.HasExited, "the replay under way");
            replay.Interrupt();
            exitCode = await replay.WaitForExitAsync(TimeSpan.FromSeconds(30));
            output = replay.Output;
        }

        Assert.True(exitCode == 130, $"exit code {exitCode}: {output}");
        await Service.WaitUntilConsumedAsync();
        var processed = Service.Ledger.DistinctProcessed;
        // The broker requeues what the CLI held when it handles the nack and the channel's close, which may be after
        // the CLI has exited: wait for every message not consumed to be back before taking them.
        var notConsumed = before.Except(processed).Count();
        await Eventually.True(async () => await Host.DepthAsync(FaultyService.ErrorQueue) >= notConsumed, $"the {notConsumed} messages not consumed back in {FaultyService.ErrorQueue}");
        var left = (await Host.DrainAsync(FaultyService.ErrorQueue)).Select(m => Guid.Parse(m.BasicProperties.MessageId!)).ToList();
        var state = $"{processed.Count} consumed, {left.Count} left, exit code {exitCode}: {output}";

        Assert.True(left.Count >= 1, "the run was not stopped: " + state);
        Assert.True(before.Order().SequenceEqual(processed.Union(left).Order()), "messages lost or gained: " + state);
        Assert.True(before.Where(left.Contains).SequenceEqual(left), "what is left is out of order: " + state);
        Assert.True(processed.Intersect(left).Count() <= 1, "more than the message in flight both replayed and kept: " + state);
    }
}
