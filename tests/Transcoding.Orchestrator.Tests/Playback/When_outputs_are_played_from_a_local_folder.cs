using Transcoding.Shared.Storage;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>Playback from a local folder (<c>make run</c>): every link is the signed route, which streams the bytes.</summary>
public sealed class When_outputs_are_played_from_a_local_folder : PlaybackTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("playback-").FullName;

    protected override bool Presigned => false;

    protected override StorageOptions Storage() => new() { Provider = StorageProvider.Local, LocalRoot = _root };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
