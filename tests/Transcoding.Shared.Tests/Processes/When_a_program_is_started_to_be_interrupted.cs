using System.Diagnostics;
using Transcoding.Shared.Processes;
using Transcoding.Testing;

namespace Transcoding.Shared.Tests.Processes;

/// <summary><see cref="TerminalInterrupt"/>: a program a test will Ctrl+C has SIGINT at its default action and unblocked,
/// even when the test run ignores or blocks it.</summary>
public sealed class When_a_program_is_started_to_be_interrupted
{
    /// <summary>A shell that ignores SIGINT, as a background job of a non-interactive shell has it, then runs the program.</summary>
    private static readonly string[] Ignoring = ["sh", "-c", "trap '' INT; exec \"$@\"", "sh"];

    /// <summary>GNU env blocking SIGINT, then running the program.</summary>
    private static readonly string[] Blocking = ["env", "--block-signal=INT"];

    [Fact]
    public async Task It_does_not_inherit_an_ignored_SIGINT()
    {
        Assert.True(await SigintBitAsync(Ignoring, "SigIgn", ReadOwnStatus()), "control: a plain child inherits the ignored SIGINT");
        Assert.False(await SigintBitAsync(Ignoring, "SigIgn", ReadOwnStatus().WithDefaultInterrupt()), "a child started for Ctrl+C still ignores SIGINT");
    }

    [Fact]
    public async Task It_does_not_inherit_a_blocked_SIGINT()
    {
        Assert.True(await SigintBitAsync(Blocking, "SigBlk", ReadOwnStatus()), "control: a plain child inherits the blocked SIGINT");
        Assert.False(await SigintBitAsync(Blocking, "SigBlk", ReadOwnStatus().WithDefaultInterrupt()), "a child started for Ctrl+C still blocks SIGINT");
    }

    private static ProcessStartInfo ReadOwnStatus() => new("grep", ["^Sig", "/proc/self/status"]);

    /// <summary>Runs <paramref name="program"/> behind <paramref name="launcher"/> and reads SIGINT's bit (1, counted from 0)
    /// of the <paramref name="mask"/> line the program printed from its own <c>/proc/self/status</c>.</summary>
    private static async Task<bool> SigintBitAsync(string[] launcher, string mask, ProcessStartInfo program)
    {
        var start = new ProcessStartInfo(launcher[0], [.. launcher[1..], program.FileName, .. program.ArgumentList]) { RedirectStandardOutput = true };
        using var process = ChildProcess.Start(start);
        var line = (await process.StandardOutput.ReadToEndAsync()).Split('\n').Single(l => l.StartsWith(mask + ":", StringComparison.Ordinal));
        await process.WaitForExitAsync();
        return (Convert.ToUInt64(line[(mask.Length + 1)..].Trim(), 16) & (1UL << 1)) != 0;
    }
}
