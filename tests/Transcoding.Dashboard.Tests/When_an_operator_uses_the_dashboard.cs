using Transcoding.Orchestrator.Saga;
using Transcoding.Testing;

namespace Transcoding.Dashboard.Tests;

/// <summary>The operator's view: figures that match the database, a player that plays every level, the waveform, Retry, a replay of faults.</summary>
[Collection(DashboardTests.Name)]
public sealed class When_an_operator_uses_the_dashboard(DashboardSite site)
{
    [Fact]
    public async Task The_overview_counts_equal_the_database()
    {
        var report = await Browser.RunAsync("overview", new { @base = site.Url, credential = site.OperatorKey });

        var shown = report.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(await site.CountsByStateAsync(), shown);
    }

    [Fact]
    public async Task The_player_plays_on_every_level_and_the_waveform_is_drawn()
    {
        var report = await Browser.RunAsync("play", new { @base = site.Url, credential = site.OperatorKey, id = site.Items.Ready });

        var levels = report.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(3, levels.Count);
        Assert.All(levels, l => Assert.True(l.GetProperty("to").GetDouble() >= l.GetProperty("from").GetDouble() + 0.5, $"the clock moved on level {l}"));
        Assert.Equal([720, 480, 360], levels.Select(l => l.GetProperty("height").GetInt32()).OrderDescending());
        Assert.True(report.GetProperty("waveformPixels").GetInt32() > 0, "the waveform canvas is not blank");
        Assert.True(report.GetProperty("storyboardCues").GetInt32() > 0, "the storyboard's cues are on the seek bar");
    }

    [Fact]
    public async Task The_item_and_list_pages_show_the_source_file_name()
    {
        var report = await Browser.RunAsync("source", new { @base = site.Url, credential = site.OperatorKey, id = site.Items.Ready });

        // SeededItems writes uploads/{id:N}.mp4: the page shows the key's last segment.
        var file = $"{site.Items.Ready:N}.mp4";
        Assert.Equal(file, report.GetProperty("item").GetString());
        Assert.Contains("Source file", report.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains(file, report.GetProperty("list").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_audio_only_item_shows_no_video_box_and_no_video_bitrate()
    {
        var report = await Browser.RunAsync("audio", new { @base = site.Url, credential = site.OperatorKey, id = site.Items.AudioOnly });

        Assert.Equal((0, 1), (report.GetProperty("videos").GetInt32(), report.GetProperty("audios").GetInt32()));
        Assert.Equal("—", report.GetProperty("videoKbps").GetString());
    }

    [Fact]
    public async Task Retry_on_a_failed_item_moves_it_to_transcoding()
    {
        var report = await Browser.RunAsync("retry", new { @base = site.Url, credential = site.OperatorKey, id = site.Items.Retryable });

        Assert.Contains("accepted (202)", report.GetProperty("answer").GetString());
        await Eventually.True(async () => await site.StateOfAsync(site.Items.Retryable) == nameof(TranscodeStateMachine.Transcoding), "the retried item in transcoding");
    }

    [Fact]
    public async Task Replay_on_the_faults_page_puts_the_group_back_on_its_queue()
    {
        var report = await Browser.RunAsync("replay", new { @base = site.Url, credential = site.OperatorKey });

        Assert.StartsWith("Replayed 1 of 1 message(s)", report.GetProperty("answer").GetString());
        Assert.Equal(1u, await site.DepthAsync(DashboardSite.FaultedQueue));
        Assert.Equal(0u, await site.DepthAsync(DashboardSite.FaultedQueue + "_error"));
    }
}
