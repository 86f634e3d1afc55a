using System.Diagnostics;
using Transcoding.Shared.Processes;

namespace Transcoding.Testing.Chaos;

/// <summary>
/// Runs one <c>scripts/test-infra.sh</c> command (<c>start</c>, <c>stop</c>, or a fault: <c>rabbitmq-stop</c>,
/// <c>rabbitmq-start</c>, <c>postgres-crash</c>, <c>s3-stop</c>, <c>s3-start</c>) and returns when the script does.
/// </summary>
public static class TestInfraScript
{
    private static readonly string Script = Path.Combine(Repository.Root, "scripts", "test-infra.sh");

    /// <param name="environment">Variables set for the script on top of this process's own (<c>TEST_INFRA_DIR</c>,
    /// the <c>TEST_*_PORT</c>s); empty to act on the servers this process's environment names.</param>
    /// <exception cref="InvalidOperationException">The script failed: its exit code and the end of its stderr (the
    /// failing server's log tail).</exception>
    public static async Task RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Script, [command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = ChildProcess.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', (await errors).Split('\n').TakeLast(40));
            var folder = start.Environment.TryGetValue("TEST_INFRA_DIR", out var dir) ? dir : "the default folder";
            throw new InvalidOperationException($"test-infra.sh {command} on {folder} exited with {process.ExitCode}:\n{tail}");
        }
    }
}
