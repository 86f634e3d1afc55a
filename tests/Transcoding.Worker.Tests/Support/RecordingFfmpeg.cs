namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// An ffmpeg stand-in (<c>Worker:FfmpegPath</c>) that writes each command line it is started with to a log, one line
/// per process, then becomes the real ffmpeg: how many ffmpeg processes a job started, and with what.
/// </summary>
public sealed class RecordingFfmpeg : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("recording-ffmpeg-");

    public RecordingFfmpeg()
    {
        Tool.WriteScript(Path, $"""
            #!/bin/sh
            printf '%s\n' "$*" >> "{Log}"
            exec ffmpeg "$@"
            """);
    }

    public string Path => System.IO.Path.Combine(_folder.FullName, "ffmpeg");

    /// <summary>Every ffmpeg process started so far, as its arguments joined by spaces.</summary>
    public IReadOnlyList<string> Commands => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    private string Log => System.IO.Path.Combine(_folder.FullName, "commands.log");

    public void Dispose() => _folder.Delete(recursive: true);
}
