using System.Diagnostics;
using Transcoding.Shared.Processes;
using Transcoding.Testing;

namespace Transcoding.Shared.Tests.Processes;

/// <summary><see cref="TerminalInterrupt"/>: a program a test will Ctrl+C has SIGINT at its default action even when the test run ignores it.</summary>
public sealed class When_a_program_is_started_to_be_interrupted
{
    [Fact]
    public async Task It_does_not_inherit_an_ignored_SIGINT()
    {
        Assert.True(await IgnoresSigintAsync(ReadOwnStatus()), "control: a plain child inherits the ignored SIGINT");
        Assert.False(await IgnoresSigintAsync(ReadOwnStatus().WithDefaultInterrupt()), "a child started for Ctrl+C still ignores SIGINT");
    }

    private static ProcessStartInfo ReadOwnStatus() => new("grep", ["^SigIgn:", "/proc/self/status"]);

    /// <summary>Runs <paramref name="program"/> from a shell that ignores SIGINT, as a background job of a non-interactive
    /// shell has it, and reads bit 2 (SIGINT) of the SigIgn mask the program printed for itself.</summary>
    private static async Task<bool> IgnoresSigintAsync(ProcessStartInfo program)
    {
        var start = new ProcessStartInfo("sh", ["-c", "trap '' INT; exec \"$@\"", "sh", program.FileName, .. program.ArgumentList])
        {
            RedirectStandardOutput = true,
        };
        using var process = ChildProcess.Start(start);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (Convert.ToUInt64(output.Trim()["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }
}
