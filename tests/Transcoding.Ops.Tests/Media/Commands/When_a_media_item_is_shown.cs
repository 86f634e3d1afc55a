using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Media.Commands;

public sealed class When_a_media_item_is_shown : IAsyncLifetime
{
    private FakeStatusApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeStatusApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Scripts_get_the_api_document_as_it_is()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Ready.ToString(), "--json", "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("ready", run.JsonRoot.GetProperty("state").GetString());
        Assert.Equal(3, run.JsonRoot.GetProperty("history").GetArrayLength());
        Assert.Equal("kept", run.JsonRoot.GetProperty("futureField").GetString());
    }

    [Fact]
    public async Task People_get_the_state_outputs_and_history()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Ready.ToString(), "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 of 2", run.Console);
        Assert.Contains($"media/{FakeStatusApi.Ready}/hls/master.m3u8", run.Console);
        Assert.Contains("TranscodeCompleted", run.Console);
    }

    [Fact]
    public async Task People_get_each_attempts_job_outcome_times_gpu_seconds_and_cost()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Ready.ToString(), "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"1\s*│\s*job-1\s*│\s*ready\s*│\s*824\s*│\s*3391\s*│\s*3\.391\s*│\s*0\.000678", run.Console);
        Assert.Contains("3.391, about 0.000678 USD", run.Console);
    }

    [Fact]
    public async Task A_failure_shows_its_code_and_message()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Retryable.ToString(), "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("ffmpeg_failed: exit code 1", run.Console);
    }

    [Fact]
    public async Task A_waiting_attempt_shows_the_reason_and_since_when()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Waiting.ToString(), "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("since 2026-11-30 10:00:00Z: RunPod refused the API key", run.Console);
        Assert.Contains("check RunPod:ApiKey.", run.Console);
    }

    [Theory]
    [InlineData("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4dff", 3)]
    [InlineData("not-a-guid", 2)]
    public async Task Errors_map_to_exit_codes(string id, int exitCode)
    {
        var run = await OpsCli.RunAsync("media", "show", id, "--api", _api.Url);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task An_unreachable_api_is_unavailable_and_its_password_is_not_printed()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Ready.ToString(), "--api", "http://ops:hunter2@127.0.0.1:1/");

        Assert.Equal(5, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Error);
    }

    [Fact]
    public async Task The_api_url_comes_from_configuration_when_no_option_is_given()
    {
        var run = await OpsCli.RunAsync(new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url }, "media", "show", FakeStatusApi.Ready.ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("ready", run.JsonRoot.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_bad_configured_api_url_stops_every_command_with_a_clear_message()
    {
        var run = await OpsCli.RunAsync(new Dictionary<string, string?> { ["Ops:ApiUrl"] = "not-a-url" }, "media", "show", FakeStatusApi.Ready.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ApiUrl", run.Error);
    }
}
