using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Transcoding.Contracts;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// <c>make up</c>'s program (the all-in-one with <c>--serve</c>) as a user runs it: it stays up, a file added by
/// <c>make up INPUT=file</c>'s script (scripts/run.sh --serve, which finds the running one) ends ready, a second one
/// started beside it stops, and Ctrl-C ends it.
/// </summary>
public sealed partial class When_make_up_is_used : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "make-up-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_file_added_while_it_runs_ends_ready_and_Ctrl_C_ends_it_cleanly()
    {
        var clip = await Media.GenerateClipAsync(_folder, 640, 360, seconds: 2);
        var work = Path.Combine(_folder, "work");
        var addressFile = Path.Combine(work, "up.url");
        var dashboard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = new CancellationTokenSource();
        using var kill = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var up = TerminalInterrupt.Wrap("dotnet", [Repository.Dll("services/Transcoding.AllInOne"), "--serve", "--out", Path.Combine(_folder, "out"),
                "--work", work, "--worker", Repository.Dll("gpu-image/Transcoding.Worker")])
            .WithWorkingDirectory(_folder)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                if (DashboardLine().Match(line) is { Success: true } match)
                {
                    dashboard.TrySetResult(match.Groups[1].Value);
                }
            }))
            .ExecuteBoundAsync(kill.Token, interrupt.Token);

        var baseUrl = new Uri(await dashboard.Task.WaitAsync(TimeSpan.FromMinutes(3)));
        await Eventually.True(() => File.Exists(addressFile), "the running instance's address file");

        var added = await Cli.Wrap("bash")
            .WithArguments([Path.Combine(Repository.Root, "scripts", "run.sh"), "--serve", clip])
            .WithEnvironmentVariables(environment => environment.Set("RUN_DIR", work))
            .WithWorkingDirectory(Repository.Root)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync();
        Assert.True(added.ExitCode == 0, added.StandardOutput + added.StandardError);
        Assert.DoesNotContain("building", added.StandardOutput);
        var accepted = JsonSerializer.Deserialize<JsonElement>(added.StandardOutput.Split('\n').Single(line => line.StartsWith('{')));
        var mediaId = accepted.GetProperty("mediaId").GetGuid();
        Assert.EndsWith(mediaId.ToString("D"), accepted.GetProperty("dashboard").GetString());
        Assert.Contains($"dashboard: {baseUrl.ToString().TrimEnd('/')}/#/media/{mediaId:D}", added.StandardOutput);

        using var http = new HttpClient { BaseAddress = baseUrl };
        var status = await Eventually.Until(
            () => http.GetFromJsonAsync<MediaStatus>($"/media/{mediaId}", JsonSerializerOptions.Web),
            s => s?.State is "ready" or "failed", $"media {mediaId} to end", TimeSpan.FromMinutes(4), s => s?.State ?? "unknown");
        Assert.Equal("ready", status!.State);
        Assert.True(File.Exists(Path.Combine(work, "bucket", "uploads", mediaId.ToString("D"), Path.GetFileName(clip))), "the upload keeps its file name");

        // A name is only ever the last segment of the source key, never a path in the bucket.
        var traversal = await http.PostAsync("/uploads?name=..%2F..%2Fmedia%2Fx%2Fhls%2Fmaster.m3u8", new ByteArrayContent([1, 2, 3]));
        var other = (await traversal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
        Assert.True(File.Exists(Path.Combine(work, "bucket", "uploads", other.ToString("D"), "master.m3u8")));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsync("/uploads", new ByteArrayContent([1]))).StatusCode);

        // Two `make up` started together both pass run.sh's check: the one that finds the other's address answering stops
        // (killed after a while if it serves instead).
        using var secondLimit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var second = await Cli.Wrap("dotnet")
            .WithArguments([Repository.Dll("services/Transcoding.AllInOne"), "--serve", "--out", Path.Combine(_folder, "out2"),
                "--work", work, "--worker", Repository.Dll("gpu-image/Transcoding.Worker")])
            .WithWorkingDirectory(_folder)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync(secondLimit.Token);
        Assert.True(second.ExitCode == 0, second.StandardOutput + second.StandardError);
        Assert.Contains($"already up: dashboard {baseUrl}", second.StandardOutput);
        Assert.Equal(baseUrl.ToString().TrimEnd('/'), (await File.ReadAllTextAsync(addressFile)).Trim());

        // CliWrap reports an interrupted command as cancelled whatever its exit code; the address file going away is the
        // program's own clean-stop path.
        await interrupt.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await up);
        Assert.False(File.Exists(addressFile), "Ctrl-C leaves no address behind for make up INPUT=file to find");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^dashboard: (\S+)$")]
    private static partial Regex DashboardLine();
}
