using System.Diagnostics;
using System.Text;
using Transcoding.Shared.Processes;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>The CLI as a real child process (<c>dotnet Transcoding.Ops.dll ...</c>), so a test can kill it.</summary>
public sealed class OpsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OpsProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static OpsProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(TestEnvironment.OpsDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = ChildProcess.Start(start);
        var ops = new OpsProcess(process);
        process.OutputDataReceived += (_, e) => ops.Append(e.Data);
        process.ErrorDataReceived += (_, e) => ops.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return ops;
    }

    /// <summary>SIGKILL: no finally block, no nack, no clean connection close — a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, as Ctrl+C at a terminal.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The CLI ignores SIGINT: it inherited that from the test run, as every
    /// process started as a background job of a non-interactive shell does, and .NET keeps an inherited ignore.</exception>
    public void Interrupt()
    {
        if (IgnoresSigint(_process.Id))
        {
            throw new Xunit.Sdk.XunitException(
                "SIGINT is ignored in this process tree (the test run was started as a background job of a non-interactive shell), so Ctrl+C cannot be tested: run make test in the foreground or with job control (set -m).");
        }

        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>Bit 2 (SIGINT) of the SigIgn mask in <c>/proc/PID/status</c>.</summary>
    private static bool IgnoresSigint(int pid) => File.ReadLines($"/proc/{pid}/status")
        .Where(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))
        .Select(line => Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16))
        .Any(mask => (mask & (1UL << 1)) != 0);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
