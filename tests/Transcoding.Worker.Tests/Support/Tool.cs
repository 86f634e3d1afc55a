using CliWrap;
using CliWrap.Buffered;

namespace Transcoding.Worker.Tests.Support;

/// <summary>Runs ffmpeg/ffprobe/node from tests and returns what they printed.</summary>
public static class Tool
{
    public static async Task<BufferedCommandResult> RunAsync(string tool, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var command = Cli.Wrap(tool).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        return await command.ExecuteBoundBufferedAsync(cancel.Token);
    }

    /// <summary>Runs the tool and fails the test with its stderr when it exits non-zero.</summary>
    public static async Task<string> OutputAsync(string tool, params string[] arguments)
    {
        var result = await RunAsync(tool, arguments);
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>Runs the tool with its standard output written to <paramref name="path"/> (as a shell's <c>&gt; file</c>), failing the test when it fails.</summary>
    public static async Task ToFileAsync(string tool, string path, params string[] arguments)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = new System.Text.StringBuilder();
        var result = await Cli.Wrap(tool).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToFile(path))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteBoundAsync(cancel.Token);
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} > {path} exited {result.ExitCode}: {stderr}");
    }

    /// <summary>Writes a shell script to <paramref name="path"/> and makes it executable by its owner (a tool stand-in).</summary>
    public static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
