using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_faulted_messages_are_replayed : FaultyServiceTest
{
    [Fact]
    public async Task Every_message_is_processed_exactly_once_with_its_original_id()
    {
        var ids = await Service.FaultAsync(20);
        Service.Ledger.Failing = false;

        var run = await OpsAsync("faults", "replay", "--all", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(20, run.JsonRoot.GetProperty("replayed").GetInt32());
        Assert.Equal(0, run.JsonRoot.GetProperty("failed").GetInt32());
        await Service.WaitUntilConsumedAsync();
        Assert.Equal(20, Service.Ledger.Processed.Count);
        Assert.Equal(ids.Order(), Service.Ledger.DistinctProcessed.Order());
        Assert.Equal(0u, await Host.DepthAsync(FaultyService.ErrorQueue));
        Assert.Empty(Service.Ledger.FaultHeadersSeen);
    }

    [Fact]
    public async Task Replaying_one_id_moves_only_that_message()
    {
        var ids = await Service.FaultAsync(5);
        Service.Ledger.Failing = false;

        var run = await OpsAsync("faults", "replay", "--id", ids[3].ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        await Service.WaitUntilConsumedAsync();
        Assert.Equal([ids[3]], Service.Ledger.Processed);
        Assert.Equal(4u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_and_nothing_moves()
    {
        await Service.FaultAsync(3);

        var run = await OpsAsync("faults", "replay", "--id", Guid.NewGuid().ToString());

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(3u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task A_message_whose_queue_is_gone_stays_in_the_error_queue()
    {
        await Service.FaultAsync(3);
        await Service.StopAsync();
        await Host.DeleteQueueAsync(FaultyService.Queue);

        var run = await OpsAsync("faults", "replay", "--all", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.JsonRoot.GetProperty("failed").GetInt32());
        Assert.Equal(3u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task A_dry_run_changes_nothing()
    {
        await Service.FaultAsync(6);
        Service.Ledger.Failing = false;
        var group = (await OpsAsync("faults", "list", "--json")).JsonRoot.GetProperty("groups")[0].GetProperty("id").GetString()!;

        var run = await OpsAsync("faults", "replay", "--group", group, "--dry-run", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.JsonRoot.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, run.JsonRoot.GetProperty("selected").GetInt32());
        Assert.All(run.JsonRoot.GetProperty("messages").EnumerateArray(), m => Assert.Equal(group, m.GetProperty("groupId").GetString()));
        await Service.WaitUntilConsumedAsync();
        Assert.Empty(Service.Ledger.Processed);
        Assert.Equal(6u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }
}
