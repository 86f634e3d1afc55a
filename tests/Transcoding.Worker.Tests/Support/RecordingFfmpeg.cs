namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// An ffmpeg stand-in that writes each command line it is started with to a log, one line per process, then becomes
/// the real ffmpeg: how many ffmpeg processes a job started, and with what.
/// </summary>
public sealed class RecordingFfmpeg : FfmpegStandIn
{
    public RecordingFfmpeg()
    {
        Install($"""
            #!/bin/sh
            printf '%s\n' "$*" >> "{Log}"
            exec ffmpeg "$@"
            """);
    }

    /// <summary>Every ffmpeg process started so far, as its arguments joined by spaces.</summary>
    public IReadOnlyList<string> Commands => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    private string Log => FilePath("commands.log");
}
