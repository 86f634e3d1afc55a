using System.Diagnostics;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests;

/// <summary><c>Transcoding.Worker run --input job.json</c> as a real process: configuration from the environment, exit code, stdout.</summary>
public sealed class RunModeTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("worker-run-");

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<(BufferedCommandResult Result, string Bucket)> RunAsync(string sourcePath, Guid mediaId, params string[] extraArguments) =>
        await RunWithSecretAsync(sourcePath, mediaId, WorkerHarness.Secret, extraArguments);

    private async Task<(BufferedCommandResult Result, string Bucket)> RunWithSecretAsync(string sourcePath, Guid mediaId, string callbackSecret, string[] extraArguments)
    {
        var (command, bucket) = await PrepareAsync(sourcePath, mediaId, callbackSecret, extraArguments);
        return (await command.ExecuteBoundBufferedAsync(), bucket);
    }

    /// <param name="environment">More variables for the worker, beside the ones every run gets.</param>
    private async Task<(Command Command, string Bucket)> PrepareAsync(string sourcePath, Guid mediaId, string callbackSecret, string[] extraArguments,
        Action<CliWrap.Builders.EnvironmentVariablesBuilder>? environment = null)
    {
        var root = _root.FullName;
        var bucket = Path.Combine(root, "bucket");
        Directory.CreateDirectory(Path.Combine(bucket, "uploads"));
        File.Copy(sourcePath, Path.Combine(bucket, "uploads", "source.bin"));
        var job = Path.Combine(root, "job.json");
        await File.WriteAllTextAsync(job, JsonSerializer.Serialize(
            new { id = "job-run", input = WorkerHarness.Input(mediaId, "uploads/source.bin") }, JsonDefaults.Web));

        var command = Cli.Wrap("dotnet")
            .WithArguments([TestPaths.WorkerDll, "run", "--input", job, .. extraArguments])
            .WithEnvironmentVariables(env =>
            {
                env.Set("Storage__Provider", "Local")
                    .Set("Storage__LocalRoot", bucket)
                    .Set("Worker__CallbackSecret", callbackSecret)
                    .Set("Worker__WorkDir", Path.Combine(root, "work"))
                    .Set("Worker__Preset", "ultrafast")
                    .Set("RUNPOD_WEBHOOK_GET_JOB", null);
                environment?.Invoke(env);
            })
            .WithValidation(CommandResultValidation.None);
        return (command, bucket);
    }

    [Fact]
    public async Task When_run_succeeds_it_exits_0_and_prints_the_outputs()
    {
        var mediaId = Guid.NewGuid();

        var (result, bucket) = await RunAsync(await Clips.VideoWithoutAudio, mediaId);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var outputs = JsonSerializer.Deserialize<TranscodeOutputs>(result.StandardOutput, JsonDefaults.Web)!;
        Assert.Equal($"media/{mediaId:D}/manifest.json", outputs.ManifestKey);
        Assert.True(File.Exists(Path.Combine(bucket, "media", mediaId.ToString("D"), "manifest.json")));
        Assert.Contains("Video encoder libx264 selected", result.StandardError);
    }

    /// <summary>
    /// Configuration reload watched the content root, the working directory, with every subfolder: one inotify watch per
    /// folder of wherever the worker was started (half a second of CPU per job from a repository). The job file is a
    /// FIFO, so the worker is caught with its host started, reading its job, when the watches are counted.
    /// </summary>
    [Fact]
    public async Task When_run_starts_in_a_folder_with_many_subfolders_it_watches_none_of_them()
    {
        const int Folders = 300;
        var folder = InotifyWatches.FolderWithSubfolders(Folders);
        try
        {
            var (command, _) = await PrepareAsync(await Clips.VideoWithoutAudio, Guid.NewGuid(), WorkerHarness.Secret, []);
            var job = Path.Combine(_root.FullName, "job.json");
            var fifo = Path.Combine(_root.FullName, "job.fifo");
            Assert.Equal(0, (await Tool.RunAsync("mkfifo", [fifo])).ExitCode);
            var run = command.WithArguments([TestPaths.WorkerDll, "run", "--input", fifo]).WithWorkingDirectory(folder.FullName).ExecuteBoundBufferedAsync();

            // Opening a FIFO to write returns once the reader has opened it: the worker is past its start-up.
            await using (var writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write)).WaitAsync(TimeSpan.FromMinutes(3)))
            {
                var watches = InotifyWatches.Count(FindWorker(fifo));
                Assert.True(watches < Folders, $"the worker holds {watches} inotify watches, started in a folder of {Folders} subfolders");
                await writer.WriteAsync(await File.ReadAllBytesAsync(job));
            }

            var result = await run;
            Assert.True(result.ExitCode == 0, result.StandardError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The process other than this one holding <paramref name="path"/> open: the worker.</summary>
    private static int FindWorker(string path) =>
        Directory.EnumerateDirectories("/proc").Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .Single(pid => pid > 0 && pid != Environment.ProcessId && HoldsOpen(pid, path));

    private static bool HoldsOpen(int pid, string path)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // ended, or not ours
        }
    }

    [Fact]
    public async Task When_run_fails_it_exits_non_zero_and_prints_the_error()
    {
        var mediaId = Guid.NewGuid();

        var (result, bucket) = await RunAsync(await Clips.Corrupt, mediaId);

        Assert.Equal(1, result.ExitCode);
        var error = JsonSerializer.Deserialize<CallbackError>(result.StandardOutput, JsonDefaults.Web)!;
        Assert.Equal(("source_unreadable", true), (error.Code, error.Permanent));
        Assert.False(Directory.Exists(Path.Combine(bucket, "media", mediaId.ToString("D"))) &&
            Directory.EnumerateFiles(Path.Combine(bucket, "media", mediaId.ToString("D")), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task When_the_command_line_is_wrong_it_prints_usage_and_exits_2()
    {
        var (result, _) = await RunAsync(await Clips.Empty, Guid.NewGuid(), "--unexpected");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: Transcoding.Worker run --input job.json", result.StandardError);
    }

    [Fact]
    public async Task When_the_callback_secret_is_missing_it_exits_3_with_a_clear_message()
    {
        var (result, _) = await RunWithSecretAsync(await Clips.VideoWithoutAudio, Guid.NewGuid(), "", []);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error:", line);
        Assert.Contains("Worker:CallbackSecret is required", line);
    }

    /// <summary>The binder's own message quotes the value: the refusal names the setting and its type only.</summary>
    [Fact]
    public async Task When_a_setting_is_not_of_its_type_it_exits_3_naming_the_setting_not_the_value()
    {
        const string Value = "s3cret-not-a-number";
        var (command, _) = await PrepareAsync(await Clips.VideoWithoutAudio, Guid.NewGuid(), WorkerHarness.Secret, [],
            environment => environment.Set("Worker__Crf", Value));

        var result = await command.ExecuteBoundBufferedAsync();

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("configuration error: Worker:Crf is not a valid Int32.", line);
        Assert.DoesNotContain(Value, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task When_the_worker_is_killed_mid_encode_its_ffmpeg_dies_with_it()
    {
        using var ffmpeg = new StallingFfmpeg();
        ffmpeg.Arm();
        var (command, _) = await PrepareAsync(await Clips.VideoWithoutAudio, Guid.NewGuid(), WorkerHarness.Secret, [],
            env => env.Set("Worker__FfmpegPath", ffmpeg.Path));
        var run = command.ExecuteBoundAsync();
        var encoder = await ffmpeg.StalledAsync();

        // SIGKILL of the worker alone: no cancellation, no finally block in it runs.
        using (var worker = Process.GetProcessById(run.ProcessId))
        {
            worker.Kill();
        }

        await Eventually.True(() => !StallingFfmpeg.IsRunning(encoder), $"the worker's ffmpeg ({encoder}) to end with it", TimeSpan.FromSeconds(15));
        await run;
    }
}
