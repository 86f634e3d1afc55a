using System.Text.Json;
using Transcoding.Faults;
using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_faults_are_listed : FaultyServiceTest
{
    [Fact]
    public async Task Messages_are_grouped_by_exception_type_and_message_type()
    {
        await Service.FaultAsync(6);

        var run = await OpsAsync("faults", "list", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var queue = Assert.Single(run.JsonRoot.GetProperty("queues").EnumerateArray());
        Assert.Equal(FaultyService.ErrorQueue, queue.GetProperty("name").GetString());
        Assert.Equal(6, queue.GetProperty("messages").GetInt32());
        var groups = run.JsonRoot.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(
            ["System.ArgumentException", "System.InvalidOperationException"],
            groups.Select(g => g.GetProperty("exceptionType").GetString()).Order());
        Assert.All(groups, g =>
        {
            Assert.Equal(3, g.GetProperty("count").GetInt32());
            Assert.Contains("Probe", g.GetProperty("messageType").GetString());
            Assert.Equal(FaultGroupId.For(g.GetProperty("exceptionType").GetString()!, g.GetProperty("messageType").GetString()!), g.GetProperty("id").GetString());
            Assert.Equal([FaultyService.ErrorQueue], g.GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
        });
    }

    [Fact]
    public async Task Listing_loses_and_reorders_nothing()
    {
        await Service.FaultAsync(12);

        var first = MessageIds(await OpsAsync("faults", "list", "--json"));
        var second = MessageIds(await OpsAsync("faults", "list", "--json"));
        var drained = (await Host.DrainAsync(FaultyService.ErrorQueue)).Select(m => m.BasicProperties.MessageId).ToList();

        Assert.Equal(12, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, drained);
    }

    [Fact]
    public async Task People_get_tables_with_the_group_ids()
    {
        await Service.FaultAsync(2);
        var groups = (await OpsAsync("faults", "list", "--json")).JsonRoot.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("id").GetString()!);

        var run = await OpsAsync("faults", "list");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(FaultyService.ErrorQueue, run.Console);
        Assert.Contains("guest:***@", run.Console);
        Assert.All(groups, id => Assert.Contains(id, run.Console));
        Assert.Empty(run.Json);
    }

    [Fact]
    public async Task A_virtual_host_without_faults_lists_none()
    {
        var run = await OpsAsync("faults", "list", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(0, run.JsonRoot.GetProperty("groups").GetArrayLength());
        Assert.Equal(0, run.JsonRoot.GetProperty("messages").GetArrayLength());
    }

    private static List<string?> MessageIds(OpsRun run) =>
        [.. run.JsonRoot.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString())];
}
