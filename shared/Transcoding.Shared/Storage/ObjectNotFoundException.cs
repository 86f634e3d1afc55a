namespace Transcoding.Shared.Storage;

public sealed class ObjectNotFoundException(string key) : Exception($"Object '{key}' does not exist in storage.")
{
    public string Key { get; } = key;
}
