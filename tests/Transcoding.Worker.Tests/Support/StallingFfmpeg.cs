using System.Diagnostics;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// An ffmpeg stand-in: once <see cref="Arm"/>ed, the next ladder encode (<c>-f hls</c>)
/// hangs as a stuck ffmpeg would, in a process of its own whose id <see cref="StalledAsync"/> gives; every other call,
/// and every encode after that one, is the real ffmpeg.
/// </summary>
public sealed class StallingFfmpeg : FfmpegStandIn
{
    public StallingFfmpeg()
    {
        Install($"""
            #!/bin/sh
            case " $* " in
              *" -f hls "*)
                if rm "{Armed}" 2>/dev/null; then
                  echo $$ > "{PidFile}.tmp" && mv "{PidFile}.tmp" "{PidFile}"
                  exec sleep 600
                fi ;;
            esac
            exec ffmpeg "$@"
            """);
    }

    private string Armed => FilePath("armed");

    private string PidFile => FilePath("ffmpeg.pid");

    /// <summary>The next ladder encode hangs.</summary>
    public void Arm() => File.WriteAllText(Armed, "");

    /// <summary>Waits until the armed encode hangs.</summary>
    /// <returns>The hanging process's id.</returns>
    public Task<int> StalledAsync() => Eventually.Until(
        () => File.Exists(PidFile) ? int.Parse(File.ReadAllText(PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0,
        pid => pid > 0,
        "the ladder encode to hang");

    /// <summary>Alive and not a zombie: a killed process that is not reaped yet counts as gone.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            // /proc/{pid}/stat: "pid (comm) state …"
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>A worker that failed to kill it must not leave it behind for ten minutes.</summary>
    protected override void Release()
    {
        if (File.Exists(PidFile) && int.Parse(File.ReadAllText(PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) is var pid && IsRunning(pid))
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
    }
}
