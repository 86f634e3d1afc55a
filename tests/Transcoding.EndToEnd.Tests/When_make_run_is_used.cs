using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Transcoding.EndToEnd.Tests;

/// <summary><c>make run</c>'s program on embedded defaults (in-memory bus, folder bucket, local RunPod, real worker), as a user runs it.</summary>
public sealed partial class When_make_run_is_used : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "make-run-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_clip_ends_ready_and_the_printed_master_playlist_has_at_least_two_video_streams()
    {
        var clip = await Media.GenerateClipAsync(_folder, 1280, 720, seconds: 3);

        var result = await RunAsync(clip);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var master = ReadyLine().Match(result.StandardOutput).Groups[1].Value.Trim();
        Assert.StartsWith(Path.Combine(_folder, "out"), master);
        Assert.True(await Media.VideoStreamCountAsync(master) >= 2);
        Assert.Contains("transcoding, attempt 1/2", result.StandardOutput);
    }

    [Fact]
    public async Task A_text_file_fails_with_the_reason_and_leaves_no_outputs()
    {
        Directory.CreateDirectory(_folder);
        var fake = Path.Combine(_folder, "notes.mp4");
        await File.WriteAllTextAsync(fake, "not a video at all\n");

        var result = await RunAsync(fake);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("failed: source_unreadable", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")) && Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "out")).Any());
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(_folder, "work", "bucket"), "*", SearchOption.AllDirectories),
            f => f.Contains($"{Path.DirectorySeparatorChar}media{Path.DirectorySeparatorChar}"));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("up")]
    public async Task A_file_name_holding_shell_syntax_is_a_name_not_a_command(string target)
    {
        Directory.CreateDirectory(_folder);
        var marker = Path.Combine(_folder, "ran");
        // make itself expands $(...) in a command-line value (to a make variable: empty), so that one cannot reach a shell.
        var name = Path.Combine(_folder, $"clip `touch {marker}` \"; touch {marker}; \" '; touch {marker}; '.mp4");

        var result = await Cli.Wrap("make").WithArguments(["-s", target, $"INPUT={name}"])
            .WithEnvironmentVariables(environment => environment.Set("RUN_DIR", Path.Combine(_folder, "work")))
            .WithWorkingDirectory(Repository.Root)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync();

        Assert.Contains($"Input file not found: {name}", result.StandardError);
        Assert.False(File.Exists(marker), "a part of the file name ran as a command");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<BufferedCommandResult> RunAsync(string input) => Cli.Wrap("dotnet")
        .WithArguments([Repository.Dll("services/Transcoding.AllInOne"), "--input", input, "--out", Path.Combine(_folder, "out"),
            "--work", Path.Combine(_folder, "work"), "--worker", Repository.Dll("gpu-image/Transcoding.Worker")])
        .WithWorkingDirectory(_folder)
        .WithValidation(CommandResultValidation.None)
        .ExecuteBoundBufferedAsync();

    [GeneratedRegex("^ready: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ReadyLine();
}
