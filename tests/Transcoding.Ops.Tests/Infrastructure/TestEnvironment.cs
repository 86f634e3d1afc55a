namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Where the test servers started by <c>scripts/test-infra.sh</c> are.</summary>
public static class TestEnvironment
{
    public static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: start the test servers: make test (or scripts/test-infra.sh start)");

    /// <summary>
    /// The CLI's own build output (same configuration as the tests), to run it as a separate process: the copy in the
    /// test folder lacks the Microsoft.Extensions assemblies, which the tests get from the ASP.NET Core framework.
    /// </summary>
    public static string OpsDll => Path.Combine(RepositoryRoot, "services", "Transcoding.Ops", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "Transcoding.Ops.dll");

    private static string RepositoryRoot { get; } = FindRoot();

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
