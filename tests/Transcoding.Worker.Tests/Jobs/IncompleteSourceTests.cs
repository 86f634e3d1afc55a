using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

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
        var (mediaId, result) = await RunAsync(harness, source == "empty-audio" ? await Clips.EmptyAudio : await Clips.EmptyVideo);

        Assert.Equal(new(JobErrorCodes.SourceEmpty, message, true), result.Error);
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
    }

    private static async Task<(Guid MediaId, JobResult Result)> RunAsync(WorkerHarness harness, string source)
    {
        var mediaId = Guid.NewGuid();
        var result = await harness.Executor.ExecuteAsync("job-" + Path.GetFileNameWithoutExtension(source), WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(source)), null, CancellationToken.None);
        return (mediaId, result);
    }
}
