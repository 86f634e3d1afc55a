namespace Transcoding.Testing;

/// <summary>The repository the tests run from, to start its programs as separate processes.</summary>
public static class Repository
{
    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string Root { get; } = FindRoot();

    /// <summary>A project's own build output (same configuration as the tests), e.g. <c>Dll("services/Transcoding.Ops")</c>.</summary>
    public static string Dll(string projectFolder) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", Path.GetFileName(projectFolder) + ".dll");

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
