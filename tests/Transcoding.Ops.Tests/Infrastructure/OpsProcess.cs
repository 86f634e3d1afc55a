using System.Diagnostics;
using System.Text;
using Transcoding.Shared.Processes;
using Transcoding.Testing;

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

        var process = ChildProcess.Start(start.WithDefaultInterrupt());
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

    /// <summary>SIGINT, as Ctrl+C at a terminal (the CLI runs with SIGINT at its default action: <see cref="TerminalInterrupt"/>).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>The exit code, once the process has exited.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">It is still running after <paramref name="timeout"/>: the message holds its output.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"the CLI still runs after {timeout.TotalSeconds} s ({SignalState()}): {Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>The process's ignored and blocked signal masks (<c>/proc/PID/status</c>; SIGINT is bit 1, counted from 0),
    /// which say why a Ctrl+C went unheard.</summary>
    private string SignalState() => string.Join(", ", File.ReadLines($"/proc/{_process.Id}/status")
        .Where(line => line.StartsWith("SigIgn:", StringComparison.Ordinal) || line.StartsWith("SigBlk:", StringComparison.Ordinal))
        .Select(line => line.Replace('\t', ' ')));

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
