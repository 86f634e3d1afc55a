namespace Transcoding.Testing;

/// <summary>The inotify watches a Linux process holds, read from <c>/proc/{pid}/fdinfo</c> (inotify(7): one <c>inotify wd:</c> line per watch).</summary>
public static class InotifyWatches
{
    /// <summary>Watches over all of <paramref name="pid"/>'s inotify descriptors; 0 when it has none.</summary>
    public static int Count(int pid)
    {
        var count = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            if (new FileInfo(descriptor).LinkTarget != "anon_inode:inotify")
            {
                continue;
            }

            count += File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(descriptor)}").Count(line => line.StartsWith("inotify wd:", StringComparison.Ordinal));
        }

        return count;
    }

    /// <summary>A fresh folder holding <paramref name="folders"/> empty subfolders: a working directory that a recursive watch would cost that many watches.</summary>
    public static DirectoryInfo FolderWithSubfolders(int folders)
    {
        var root = Directory.CreateTempSubdirectory("many-folders-");
        for (var i = 0; i < folders; i++)
        {
            root.CreateSubdirectory($"d{i:000}");
        }

        return root;
    }
}
