using Transcoding.Shared.Storage;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>Playback from s3rver (HTTPS): playlists through the signed route, segments and pictures presigned.</summary>
public sealed class When_outputs_are_played_from_S3 : PlaybackTests
{
    protected override bool Presigned => true;

    protected override StorageOptions Storage() => S3TestServer.Options();
}
