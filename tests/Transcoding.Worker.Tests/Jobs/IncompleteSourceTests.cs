using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Issue 12 kinds 7 and 8 through the real pipeline: sources with nothing, or less than they claim, in them.</summary>
public sealed class IncompleteSourceTests
{
    public static TheoryData<string, string> EmptySources => new()
    {
        { "empty-audio", "The source holds nothing to play: the audio stream (#0) holds no samples." },
        { "empty-video", "The source holds nothing to play: the video stream (#0) holds no frames." },
    };

    [Theory]
    [MemberData(nameof(EmptySources))]
    public async Task When_a_stream_holds_nothing_the_job_fails_permanently_before_encoding_and_names_it(string source, string message)
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(source == "empty-audio" ? await Clips.EmptyAudio : await Clips.EmptyVideo);

        Assert.Equal(new(JobErrorCodes.SourceEmpty, message, true), result.Error);
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
    }

    [Theory]
    [InlineData("mp4-faststart", "partial file")]
    [InlineData("mkv", "File ended prematurely")]
    public async Task When_the_upload_was_cut_short_the_job_fails_permanently_saying_how_much_was_decodable(string container, string ffmpegSays)
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(await Clips.Truncated(container));

        Assert.Equal((JobErrorCodes.SourceTruncated, true), (result.Error!.Code, result.Error.Permanent));
        Assert.Matches(@"^The source ends before its stated duration \(an incomplete upload\?\): decodable: 3\.\d s of 6\.0 s\. ffmpeg: ", result.Error.Message);
        Assert.Contains(ffmpegSays, result.Error.Message);
        Assert.DoesNotContain("@ 0x", result.Error.Message);
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
    }

    [Fact]
    public async Task When_an_mp4_is_cut_before_its_index_it_is_unreadable_with_a_stable_reason()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(await Clips.Truncated("mp4"));

        Assert.Equal(
            new(JobErrorCodes.SourceUnreadable, "The source is not a readable media file: [mov,mp4,m4a,3gp,3g2,mj2] moov atom not found | source: Invalid data found when processing input", true),
            result.Error);
        Assert.Empty(harness.Outputs(mediaId));
    }

    [Theory]
    [InlineData("mp4-faststart")]
    [InlineData("mkv")]
    public async Task When_the_whole_upload_is_there_the_same_source_is_ready(string container)
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(await Clips.SixSeconds(container));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(6.0, result.Outputs!.DurationSeconds, 0.1);
        Assert.Empty(HlsOutputValidator.Validate(harness.OutputPath(mediaId, ""), $"media/{mediaId:D}/", result.Outputs.DurationSeconds));
    }
}
