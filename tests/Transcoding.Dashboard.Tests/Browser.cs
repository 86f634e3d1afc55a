using System.Text.Json;
using CliWrap;
using Transcoding.Testing;

namespace Transcoding.Dashboard.Tests;

/// <summary>
/// Runs a scenario of <c>node/dashboard.mjs</c> (Playwright on Debian's Chromium) and returns the JSON it prints. The
/// node packages are those of <c>node/package-lock.json</c>, installed by <c>scripts/test-node-deps.sh</c>.
/// </summary>
public static class Browser
{
    public static string NodeFolder { get; } = Path.Combine(Repository.Root, "tests", "Transcoding.Dashboard.Tests", "node");

    /// <summary>Where screenshots are kept: <c>make test</c> keeps <c>.test-results</c> with the test results.</summary>
    public static string Screenshots { get; } = Path.Combine(Repository.Root, ".test-results", "screenshots");

    /// <exception cref="Xunit.Sdk.FailException">node failed (the message holds its stderr), the page reported errors, or
    /// the Content-Security-Policy blocked something on a page.</exception>
    public static async Task<JsonElement> RunAsync(string scenario, object arguments)
    {
        Assert.True(Directory.Exists(Path.Combine(NodeFolder, "node_modules", "playwright-core")),
            $"the browser tests' node packages are not installed in {NodeFolder}: run scripts/test-node-deps.sh");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var result = await Cli.Wrap("node")
            .WithArguments(["dashboard.mjs", scenario, JsonSerializer.Serialize(arguments)])
            .WithWorkingDirectory(NodeFolder)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync(timeout.Token);
        Assert.True(result.ExitCode == 0, $"node dashboard.mjs {scenario} exited {result.ExitCode}: {result.StandardError}");
        var report = JsonSerializer.Deserialize<JsonElement>(result.StandardOutput);
        Assert.True(report.GetProperty("errors").GetArrayLength() == 0, $"the page reported errors: {report.GetProperty("errors")}");
        Assert.True(report.GetProperty("cspViolations").GetArrayLength() == 0,
            $"the Content-Security-Policy blocked part of the dashboard: {report.GetProperty("cspViolations")}");
        return report;
    }
}
