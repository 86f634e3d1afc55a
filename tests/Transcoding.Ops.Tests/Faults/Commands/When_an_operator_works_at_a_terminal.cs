using Spectre.Console.Testing;
using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_an_operator_works_at_a_terminal : FaultyServiceTest
{
    [Fact]
    public async Task A_replay_shows_progress_and_a_summary()
    {
        await Service.FaultAsync(10);
        Service.Ledger.Failing = false;

        var run = await OpsCli.RunAtTerminalAsync(new TestConsole(), ["faults", "replay", "--all", .. Host.CliOptions]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Replaying", run.Console);
        Assert.Contains("Replayed 10 of 10 selected message(s); 0 left in the error queues.", run.Console);
        await Service.WaitUntilConsumedAsync();
        Assert.Equal(10, Service.Ledger.Processed.Count);
    }

    [Fact]
    public async Task Declining_the_purge_prompt_deletes_nothing()
    {
        await Service.FaultAsync(3);
        var terminal = new TestConsole();
        terminal.Input.PushTextWithEnter("n");

        var run = await OpsCli.RunAtTerminalAsync(terminal, ["faults", "purge", "--all", .. Host.CliOptions]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Delete these 3 message(s) for good?", run.Console);
        Assert.Equal(3u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }

    [Fact]
    public async Task Accepting_the_purge_prompt_deletes_the_selection()
    {
        await Service.FaultAsync(3);
        var terminal = new TestConsole();
        terminal.Input.PushTextWithEnter("y");

        var run = await OpsCli.RunAtTerminalAsync(terminal, ["faults", "purge", "--queue", FaultyService.ErrorQueue, .. Host.CliOptions]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Deleted 3 message(s)", run.Console);
        Assert.Equal(0u, await Host.DepthAsync(FaultyService.ErrorQueue));
    }
}
