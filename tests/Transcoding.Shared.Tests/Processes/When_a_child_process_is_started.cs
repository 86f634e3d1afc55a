using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using Transcoding.Shared.Processes;

namespace Transcoding.Shared.Tests.Processes;

/// <summary>Started through setpriv, a program still gets exactly its path and arguments, and a missing one still fails at start.</summary>
[SupportedOSPlatform("linux")]
public sealed class When_a_child_process_is_started : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("child process \"odd\\ folder\\");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_program_path_and_arguments_string_with_spaces_quotes_and_backslashes_arrive_intact()
    {
        var program = Path.Combine(_folder.FullName, "print args\\");
        await File.WriteAllTextAsync(program, "#!/bin/sh\nprintf '%s\\n' \"$0\" \"$@\"\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        using var process = ChildProcess.Start(new ProcessStartInfo(program, "plain \"two words\" back\\slash") { RedirectStandardOutput = true });
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([program, "plain", "two words", "back\\slash"], lines);
    }

    [Fact]
    public void A_missing_program_fails_at_start_as_with_Process_Start()
    {
        var missing = new ProcessStartInfo("transcoding-no-such-program") { RedirectStandardOutput = true };

        Assert.Throws<Win32Exception>(() => ChildProcess.Start(missing));
    }
}
