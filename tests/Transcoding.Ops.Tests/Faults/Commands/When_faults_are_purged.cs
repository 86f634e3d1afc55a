using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_faults_are_purged : FaultyServiceTest
{
    [Fact]
    public async Task Only_the_selected_group_is_deleted()
    {
        await Service.FaultAsync(6);
        var groups = (await OpsAsync("faults", "list", "--json")).JsonRoot.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToList();

        var run = await OpsAsync("faults", "purge", "--group", groups[0], "--yes", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3, run.JsonRoot.GetProperty("deleted").GetInt32());
        var left = (await OpsAsync("faults", "list", "--json")).JsonRoot.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(3, left.Count);
        Assert.All(left, m => Assert.Equal(groups[1], m.GetProperty("groupId").GetString()));
    }

    [Fact]
    public async Task Without_a_confirmation_nothing_is_deleted()
    {
        await Service.FaultAsync(4);

        var run = await OpsAsync("faults", "purge", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--yes", run.Error);
        Assert.Equal(4u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task A_dry_run_deletes_nothing()
    {
        await Service.FaultAsync(4);

        var run = await OpsAsync("faults", "purge", "--queue", FaultyService.Queue, "--dry-run", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(4, run.JsonRoot.GetProperty("selected").GetInt32());
        Assert.Equal(0, run.JsonRoot.GetProperty("deleted").GetInt32());
        Assert.Equal(4u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task An_unknown_queue_is_not_found()
    {
        await Service.FaultAsync(1);

        var run = await OpsAsync("faults", "purge", "--queue", "no-such-queue", "--yes");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(1u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }
}
