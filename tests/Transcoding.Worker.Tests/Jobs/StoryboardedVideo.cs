using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>
/// One real job on a 12 s 320x180 clip with audio, storyboard settings that make 4 tiles of 3 s in a 3x2 grid (the
/// tile bound, 5, lengthens the 1 s interval), libx264 chosen (no encoder probe), and every ffmpeg process recorded.
/// </summary>
public sealed class StoryboardedVideo : IAsyncLifetime
{
    public RecordingFfmpeg Ffmpeg { get; } = new();

    public WorkerHarness Harness { get; private set; } = null!;

    public Guid MediaId { get; } = Guid.NewGuid();

    public string Source { get; private set; } = "";

    public JobResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Worker:FfmpegPath"] = Ffmpeg.Path,
            ["Worker:Encoder"] = "libx264",
            ["Worker:StoryboardIntervalSeconds"] = "1",
            ["Worker:StoryboardMaxTiles"] = "5",
            ["Worker:StoryboardColumns"] = "3",
        });
        Source = await Clips.Recipe(
            "storyboard-12s.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=12", "-f", "lavfi", "-i", "sine=f=440:d=12:sample_rate=48000",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        var key = await Harness.UploadSourceAsync(Source);
        Result = await Harness.Executor.ExecuteAsync("job-storyboard", WorkerHarness.Input(MediaId, key), null, CancellationToken.None);
    }

    public string Output(string relative) => Harness.OutputPath(MediaId, relative);

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        Ffmpeg.Dispose();
    }
}
