using System.Text.Json;
using Transcoding.Testing;

namespace Transcoding.Dashboard.Tests;

/// <summary>
/// The dashboard's vendored hls.js and waveform-data (written by <c>scripts/dashboard-vendor.sh</c>) are byte for byte
/// the files of the packages <c>node/package-lock.json</c> locks, which the browser tests also run, each with its licence.
/// </summary>
public sealed class When_the_vendored_libraries_are_checked
{
    private static readonly string Vendor = Path.Combine(Repository.Root, "services", "Transcoding.Orchestrator", "wwwroot", "dashboard", "vendor");

    [Fact]
    public void Every_vendored_file_equals_the_locked_packages_file_and_each_package_has_its_licence()
    {
        var installed = Path.Combine(Browser.NodeFolder, "node_modules");
        Assert.True(Directory.Exists(installed), $"run scripts/test-node-deps.sh: {installed} is missing");
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Browser.NodeFolder, "package-lock.json")));
        var locked = lockFile.RootElement.GetProperty("packages");

        var files = Directory.EnumerateFiles(Vendor, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Vendor, f)).Order(StringComparer.Ordinal).ToList();
        var packages = files.Select(f => f.Split(Path.DirectorySeparatorChar)[0]).Distinct().ToList();

        Assert.Equal(["hls.js", "waveform-data"], packages);
        foreach (var package in packages)
        {
            Assert.Contains(Path.Combine(package, "LICENSE"), files);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(installed, package, "package.json")));
            Assert.Equal(locked.GetProperty($"node_modules/{package}").GetProperty("version").GetString(), manifest.RootElement.GetProperty("version").GetString());
        }

        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(Vendor, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(installed, file))),
            $"vendor/{file} differs from the locked package's file: run scripts/dashboard-vendor.sh"));
    }
}
