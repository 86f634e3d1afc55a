using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Transcoding.Shared.Processes;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>The npm <c>standardwebhooks</c> package, run with node through <c>node/interop.mjs</c>.</summary>
public static class ReferenceImplementation
{
    private static readonly string Directory = typeof(ReferenceImplementation).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NodeInteropDirectory").Value!;

    public static async Task<string> SignAsync(string secret, string id, long timestamp, string payload)
    {
        var (exitCode, output, error) = await RunAsync(new { command = "sign", secret, id, timestamp, payload });
        Assert.True(exitCode == 0, $"standardwebhooks sign failed: {error}");
        return output;
    }

    /// <summary>Null when the reference implementation accepts the delivery, else its reason.</summary>
    public static async Task<string?> VerifyAsync(string secret, IReadOnlyDictionary<string, string> headers, string payload)
    {
        var (exitCode, output, error) = await RunAsync(new { command = "verify", secret, headers, payload });
        return exitCode == 0 && output == "verified" ? null : error;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(object request)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "standardwebhooks")))
        {
            throw new InvalidOperationException($"The reference implementation is not installed: run 'npm ci' in {Directory} (make test does it).");
        }

        var start = new ProcessStartInfo("node", "interop.mjs")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = ChildProcess.Start(start);
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
