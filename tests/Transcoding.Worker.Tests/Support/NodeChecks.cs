using System.Text.Json;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// Runs the scripts in tests/Transcoding.Worker.Tests/node (BBC waveform-data, hls.js in headless Chromium).
/// Installs their npm packages on first use (<c>npm ci</c> from the committed lock file).
/// </summary>
public static class NodeChecks
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static string Folder => Path.Combine(TestPaths.TestProject, "node");

    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        await Installed.Value;
        var result = await Tool.RunAsync("node", [Path.Combine(Folder, script), .. arguments], Folder, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"node {script} exited {result.ExitCode}: {result.StandardError}");
        return JsonSerializer.Deserialize<JsonElement>(result.StandardOutput);
    }

    private static async Task InstallAsync()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")))
        {
            return;
        }

        var result = await Tool.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Folder, TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"npm ci in {Folder} failed: {result.StandardError}");
    }
}
