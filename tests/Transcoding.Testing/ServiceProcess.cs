using System.Diagnostics;
using Transcoding.Shared.Processes;

namespace Transcoding.Testing;

/// <summary>A deployable run as its own process (as in production), so a test can kill it without warning.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private readonly string _project;
    private readonly IDictionary<string, string> _environment;
    private readonly TextWriter? _log;
    private readonly string? _workingDirectory;
    private volatile bool _killed;

    private ServiceProcess(Process process, string url, string project, IDictionary<string, string> environment, TextWriter? log, string? workingDirectory)
    {
        _workingDirectory = workingDirectory;
        _process = process;
        Url = url;
        _project = project;
        _environment = environment;
        _log = log;
    }

    public string Url { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>The process ended without <see cref="Kill"/> ending it (a crash, an unhandled exception, a host that
    /// stopped itself); null while it runs or when it was killed, else how it ended, e.g. <c>pid 4242 exit code 134</c>.</summary>
    public string? ExitedByItself => _process.HasExited && !_killed ? $"pid {_process.Id} exit code {_process.ExitCode}" : null;

    /// <summary>
    /// Starts the service on a free port. The port is picked before the process binds it, so a parallel test can take
    /// it first: a process that dies during start-up is started again on another port.
    /// </summary>
    /// <param name="log">When given, receives every line the process writes (stdout and stderr), not only the last ones.</param>
    /// <param name="workingDirectory">Where it starts; the test host's working directory when null.</param>
    public static async Task<ServiceProcess> StartAsync(string project, IDictionary<string, string> environment, TextWriter? log = null, string? workingDirectory = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(project, $"http://127.0.0.1:{LoopbackPorts.TakeOne()}", environment, log, workingDirectory);
            }
            catch (ServiceExitedException) when (attempt < 3)
            {
                // Most likely the port was taken in between; another one will do.
            }
        }
    }

    /// <summary>
    /// The same service started again on the same URL, environment and log, as a supervisor restarts a crashed process
    /// (its clients keep the address they were given). Call it once this process has ended.
    /// </summary>
    public Task<ServiceProcess> StartAgainAsync() => StartOnceAsync(_project, Url, _environment, _log, _workingDirectory);

    private static async Task<ServiceProcess> StartOnceAsync(string project, string url, IDictionary<string, string> environment, TextWriter? log, string? workingDirectory)
    {
        var dll = Repository.Dll($"services/{project}");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // Bound to the test host: a host killed by --blame-hang-timeout, or a chaos runner stopped, takes its services along.
        var process = ChildProcess.Start(start);
        var service = new ServiceProcess(process, url, project, environment, log, workingDirectory);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// SIGKILL of this process alone, as an out-of-memory killer or a crash would end it: no graceful shutdown, in-flight
    /// messages are neither acked nor finished. Its own children (the local RunPod endpoint's workers) must die with it
    /// by themselves (<see cref="ChildProcess"/>).
    /// </summary>
    public void Kill()
    {
        // A process that had already ended by itself stays a crash (ExitedByItself), not something we did.
        _killed = !_process.HasExited;
        _process.Kill();
    }

    /// <summary>Kills it (SIGKILL) and waits until the operating system has reaped it.</summary>
    public async Task KillAndWaitAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Start-up budget: a .NET service on a saturated two-core machine was seen to stay silent for 90 s.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private async Task WaitUntilReadyAsync()
    {
        var ready = await Readiness.WaitAsync(Url, StartupTimeout, () =>
        {
            if (_process.HasExited)
            {
                throw new ServiceExitedException($"{_project} exited with {_process.ExitCode} during start-up:{Environment.NewLine}{Output}");
            }
        });
        if (!ready)
        {
            throw new TimeoutException($"{Url} was not ready in {StartupTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_log is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }

        _output.Enqueue(line);
        while (_output.Count > 40)
        {
            _output.TryDequeue(out _);
        }
    }
}
