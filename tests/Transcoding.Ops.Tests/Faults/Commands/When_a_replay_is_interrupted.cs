using Transcoding.Ops.Tests.Infrastructure;
using Transcoding.Testing;

namespace Transcoding.Ops.Tests.Faults.Commands;

/// <summary>Ctrl+C during a replay: the CLI puts back what it holds and exits 130; nothing is lost or reordered.</summary>
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
        var left = (await Host.DrainAsync(FaultyService.ErrorQueue)).Select(m => Guid.Parse(m.BasicProperties.MessageId!)).ToList();
        Assert.InRange(left.Count, 1, Count - 1);
        Assert.Equal(before.Order(), processed.Union(left).Order());
        Assert.Equal(before.Where(left.Contains), left);
    }
}
