namespace Transcoding.EndToEnd.Tests;

/// <summary>Where the test servers started by <c>scripts/test-infra.sh</c> are.</summary>
public static class TestEnvironment
{
    public static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: start the test servers: make test (or scripts/test-infra.sh start)");

    public static string RepositoryRoot { get; } = FindRoot();

    public static string WorkerPath => Path.Combine(RepositoryRoot, "gpu-image", "Transcoding.Worker", "bin", Configuration, "net10.0", "Transcoding.Worker.dll");

    /// <summary>A service's own build output (the test project references it, so it is built).</summary>
    public static string ServiceDll(string project) => Path.Combine(RepositoryRoot, "services", project, "bin", Configuration, "net10.0", project + ".dll");

    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Transcoding.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Transcoding.sln not found above the test folder.");
    }
}
