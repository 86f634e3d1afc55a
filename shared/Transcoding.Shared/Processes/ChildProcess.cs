using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Transcoding.Shared.Processes;

/// <summary>
/// The one way this code base starts a process, so that no child outlives the process that started it. On Linux the
/// child runs through <c>setpriv --pdeathsig KILL --</c> (util-linux): the kernel SIGKILLs it when its parent ends,
/// however it ends (SIGKILL, a crash, a test host stopped by <c>dotnet test --blame-hang-timeout</c>). Without it a
/// killed local RunPod endpoint leaves its workers encoding and calling back for jobs nobody owns, a killed worker its
/// ffmpeg, and a killed test host or chaos runner its services, holding ports and CPU.
/// </summary>
/// <remarks>
/// The kernel's "parent" is the thread that forked, not the process (prctl(2), PR_SET_PDEATHSIG), and .NET forks on
/// the calling thread: a thread-pool thread retires after a while idle, which would kill a child in mid-work. So every
/// start runs on one dedicated thread that lives as long as the process. Only the child is bound, not its own children
/// (the kernel clears the setting on fork): a child that starts processes binds them itself, with this class when it is
/// ours. Left open: a parent killed between the fork and setpriv's prctl (microseconds) leaves that one child unbound.
/// On other systems processes start unbound (there is no such signal).
/// </remarks>
public static class ChildProcess
{
    private static readonly BlockingCollection<Action> Starts = new();
    private static readonly Thread Launcher = StartLauncher();
    private static readonly Lazy<string> Setpriv = new(() => FindInPath("setpriv")
        ?? throw new InvalidOperationException("setpriv (util-linux) is not on the PATH: child processes could outlive this one."));

    /// <summary>Starts <paramref name="startInfo"/> bound to this process.</summary>
    /// <exception cref="Win32Exception">The program is not found (as <see cref="Process.Start(ProcessStartInfo)"/>).</exception>
    /// <exception cref="InvalidOperationException">On Linux, setpriv is not on the PATH.</exception>
    public static Process Start(ProcessStartInfo startInfo) =>
        Start(bind =>
        {
            bind(startInfo);
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        });

    /// <summary>
    /// For a library that builds its own <see cref="ProcessStartInfo"/> (CliWrap's <c>ExecuteAsync(configureStartInfo,
    /// ...)</c>): <paramref name="start"/> runs on the launcher thread and must start the process synchronously, after
    /// calling the given binder on the start info. Returns what <paramref name="start"/> returns.
    /// </summary>
    /// <exception cref="Win32Exception">The program is not found.</exception>
    public static T Start<T>(Func<Action<ProcessStartInfo>, T> start)
    {
        // A start from within a start (a pipe target run synchronously by the first one) would wait for itself.
        if (Thread.CurrentThread == Launcher)
        {
            return start(Bind);
        }

        var started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Starts.Add(() =>
        {
            try
            {
                started.SetResult(start(Bind));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        });
        return started.Task.GetAwaiter().GetResult();
    }

    private static Thread StartLauncher()
    {
        var thread = new Thread(() =>
        {
            foreach (var start in Starts.GetConsumingEnumerable())
            {
                start();
            }
        })
        { IsBackground = true, Name = "Child process launcher" };
        thread.Start();
        return thread;
    }

    /// <summary>Rewrites the start info to run its program through setpriv, resolved here as .NET would resolve it.</summary>
    private static void Bind(ProcessStartInfo startInfo)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var program = Resolve(startInfo.FileName);
        startInfo.FileName = Setpriv.Value;
        if (startInfo.ArgumentList.Count > 0)
        {
            string[] prefix = ["--pdeathsig", "KILL", "--", program];
            for (var i = 0; i < prefix.Length; i++)
            {
                startInfo.ArgumentList.Insert(i, prefix[i]);
            }
        }
        else
        {
            startInfo.Arguments = $"--pdeathsig KILL -- {Quoted(program)} {startInfo.Arguments}";
        }
    }

    /// <summary>
    /// The order of .NET's own lookup (Process.Unix.cs ResolvePath): a rooted path as it is; then beside the running
    /// executable; then the current directory; then the PATH. Resolving here keeps a missing program a
    /// <see cref="Win32Exception"/> at start, not an exit code from setpriv.
    /// </summary>
    private static string Resolve(string fileName)
    {
        if (Path.IsPathRooted(fileName))
        {
            return fileName;
        }

        string?[] candidates =
        [
            Environment.ProcessPath is { } self ? Path.Combine(Path.GetDirectoryName(self)!, fileName) : null,
            Path.Combine(Directory.GetCurrentDirectory(), fileName),
        ];
        return candidates.FirstOrDefault(File.Exists) ?? FindInPath(fileName)
            ?? throw new Win32Exception(2, $"An error occurred trying to start process '{fileName}': No such file or directory");
    }

    private static string? FindInPath(string fileName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);

    /// <summary>One argument in the quoting <see cref="ProcessStartInfo.Arguments"/> parses: backslashes are literal
    /// unless they precede a quote, so those (and the ones before the closing quote) are doubled.</summary>
    private static string Quoted(string argument) =>
        "\"" + Regex.Replace(argument, @"(\\*)(""|\z)", m => m.Groups[1].Value + m.Groups[1].Value + (m.Groups[2].Length > 0 ? "\\\"" : "")) + "\"";
}
