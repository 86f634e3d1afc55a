using System.Security.Cryptography.X509Certificates;
using Amazon.Runtime;

namespace Transcoding.Testing.Chaos;

/// <summary>HTTP clients for the AWS SDK that trust exactly one server certificate (a test server set's s3rver).</summary>
internal sealed class PinnedCertificateHttpClientFactory(X509Certificate2 certificate) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClient(handler);
    }
}
