using System.Diagnostics;
using Transcoding.Shared.Processes;

namespace Transcoding.Shared.Tests.Processes;

/// <summary>
/// The kernel sends the parent-death signal when the thread that forked ends (prctl(2)), and a thread-pool thread that
/// started a child may retire while the child works: the child must live on as long as the process does.
/// </summary>
public sealed class When_the_thread_that_started_a_child_ends
{
    [Fact]
    public async Task The_child_keeps_running()
    {
        Process? child = null;
        string? armed = null;
        string? thread = null;
        var starter = new Thread(() =>
        {
            thread = "/proc/" + new FileInfo("/proc/thread-self").LinkTarget;
            child = ChildProcess.Start(new ProcessStartInfo("bash", ["-c", "echo armed; read line; echo \"$line\""])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            });
            // bash runs once setpriv has set the signal: only after that can this thread's end be what is tested.
            armed = child.StandardOutput.ReadLine();
        });
        starter.Start();
        starter.Join();
        using var started = child!;
        try
        {
            Assert.Equal("armed", armed);
            await Eventually.True(() => !Directory.Exists(thread), $"the starting thread ({thread}) to be gone");

            await started.StandardInput.WriteLineAsync("still running");

            Assert.Equal("still running", await started.StandardOutput.ReadLineAsync());
        }
        finally
        {
            started.Kill();
        }
    }
}
