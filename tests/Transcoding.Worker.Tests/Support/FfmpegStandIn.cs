namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// An executable named <c>ffmpeg</c> in a folder of its own, for <c>Worker:FfmpegPath</c>: a shell script (given by the
/// stand-in, with its files under <see cref="FilePath(string)"/>) that mostly ends by exec'ing the real ffmpeg.
/// </summary>
public abstract class FfmpegStandIn : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ffmpeg-stand-in-");

    public string Path => FilePath("ffmpeg");

    /// <summary>Writes the stand-in's script; call once from the constructor.</summary>
    protected void Install(string script) => Tool.WriteScript(Path, script);

    /// <summary>A file of the stand-in's own (logs, flags), beside the script.</summary>
    protected string FilePath(string name) => System.IO.Path.Combine(_folder.FullName, name);

    public void Dispose()
    {
        Release();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>What the stand-in must undo before its folder goes (a process it left running).</summary>
    protected virtual void Release()
    {
    }
}
