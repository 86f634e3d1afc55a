using Transcoding.Shared.Storage;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>
/// Playback from s3rver that the orchestrator reaches at <c>https://127.0.0.1:{port}</c> while browsers are given
/// <c>Storage:PublicServiceUrl</c> = <c>https://localhost:{port}</c> (the test certificate names both), as compose's
/// MinIO is <c>minio:9000</c> to the services and <c>127.0.0.1:9000</c> to the host: every presigned link names the
/// public host and returns the object's bytes there, so it was signed for that host.
/// </summary>
public sealed class When_outputs_are_played_from_S3_through_a_public_address : PlaybackTests
{
    protected override bool Presigned => true;

    protected override StorageOptions Storage()
    {
        var options = S3TestServer.Options();
        options.PublicServiceUrl = new UriBuilder(options.ServiceUrl!) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);
        return options;
    }
}
