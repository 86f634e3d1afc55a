namespace Transcoding.Worker.Waveforms;

public static class ExecutableLocator
{
    /// <summary>The full path of <paramref name="name"/> if it is a path to a file, or found on PATH; otherwise null.</summary>
    public static string? Find(string name, string? searchPath)
    {
        if (name.Contains(Path.DirectorySeparatorChar))
        {
            return File.Exists(name) ? name : null;
        }

        return (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
