namespace Transcoding.Worker.Tests.Support;

/// <summary>A fact that needs the <c>ffmpeg</c> binary, skipped (saying why) where no <c>PATH</c> folder has one.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, "ffmpeg"))))
        {
            Skip = "no ffmpeg on PATH (apt-get install -y ffmpeg).";
        }
    }
}
