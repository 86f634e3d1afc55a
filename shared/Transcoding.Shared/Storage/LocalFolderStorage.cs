using System.Runtime.CompilerServices;

namespace Transcoding.Shared.Storage;

/// <summary>A folder standing in for the bucket. Writes go to a temporary name first so readers never see half an object.</summary>
public sealed class LocalFolderStorage(string root) : IObjectStorage
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task UploadFileAsync(string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(path);
        await UploadAsync(key, source, contentType, cacheControl, cancellationToken);
    }

    public async Task UploadAsync(string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(key, cancellationToken);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new ObjectNotFoundException(key);
        }

        return Task.FromResult<Stream>(File.OpenRead(path));
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return key;
            }
        }
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var key in ListAsync(prefix, cancellationToken))
        {
            File.Delete(PathOf(key));
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));

        // A key such as "../x" must never escape the bucket folder.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Object key '{key}' is outside the storage root.", nameof(key));
        }

        return path;
    }
}
