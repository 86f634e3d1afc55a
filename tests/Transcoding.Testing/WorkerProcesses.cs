using System.Diagnostics;

namespace Transcoding.Testing;

/// <summary>
/// The worker processes the local RunPod endpoint spawned for one pipeline, found by a string only their environment holds
/// (the pipeline's bucket folder or work folder).
/// </summary>
public static class WorkerProcesses
{
    /// <summary>This pipeline's ladder-encoding ffmpeg (HLS output; not the short probing passes before it) and its
    /// parent, the worker, once the worker has started encoding.</summary>
    public static async Task<(Process Worker, Process Ffmpeg)> EncodingAsync(string environmentMarker, TimeSpan timeout)
    {
        var (worker, ffmpeg) = await Eventually.Until(
            () => Process.GetProcessesByName("ffmpeg")
                .Where(ffmpeg => CommandLineOf(ffmpeg.Id).Contains("\0hls\0", StringComparison.Ordinal))
                .Select(ffmpeg => (Worker: ParentOf(ffmpeg.Id), Ffmpeg: ffmpeg.Id))
                .FirstOrDefault(pair => pair.Worker is not null && EnvironmentOf(pair.Worker.Value).Contains(environmentMarker)),
            pair => pair.Worker is not null,
            "this pipeline's worker running ffmpeg",
            timeout,
            _ => "no such ffmpeg process");
        return (Process.GetProcessById(worker!.Value), Process.GetProcessById(ffmpeg));
    }

    /// <summary>True once the process has ended (reaped or not: a zombie has no <c>/proc/PID/cmdline</c> content).</summary>
    public static bool HasEnded(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Length == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLineOf(int pid) => Read($"/proc/{pid}/cmdline");

    private static string EnvironmentOf(int pid) => Read($"/proc/{pid}/environ");

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
