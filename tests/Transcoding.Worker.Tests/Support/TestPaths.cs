namespace Transcoding.Worker.Tests.Support;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestProject => Path.Combine(RepositoryRoot, "tests", "Transcoding.Worker.Tests");

    /// <summary>
    /// The worker as it is deployed: its own build output (same configuration as the tests), not the copy in the
    /// test folder, whose runtimeconfig lacks the hosting assemblies the ASP.NET framework gives the tests.
    /// </summary>
    public static string WorkerDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryRoot, "gpu-image", "Transcoding.Worker", "bin", output.Parent!.Name, output.Name, "Transcoding.Worker.dll");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Transcoding.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Transcoding.sln not found above " + AppContext.BaseDirectory);
    }
}
