using System.Security.Cryptography.X509Certificates;
using Amazon.S3;
using Transcoding.Shared.Storage;

namespace Transcoding.Testing.Chaos;

/// <summary>
/// The s3rver of a <see cref="TestInfraSet"/> through the production client (<see cref="S3ObjectStorage.Config"/>),
/// trusting exactly that set's certificate: the process trusts only <c>make test</c>'s one (SSL_CERT_FILE).
/// </summary>
public static class TestInfraS3
{
    public static StorageOptions Options(TestInfraSet servers) => new()
    {
        Provider = StorageProvider.S3,
        ServiceUrl = servers.Environment["TEST_S3_URL"],
        Bucket = servers.Environment["TEST_S3_BUCKET"],
        AccessKeyId = servers.Environment["TEST_S3_ACCESS_KEY"],
        SecretAccessKey = servers.Environment["TEST_S3_SECRET_KEY"],
        Region = "us-east-1",
    };

    /// <summary>A storage on the set's bucket; the client lives as long as the test process.</summary>
    public static IObjectStorage Storage(TestInfraSet servers)
    {
        var options = Options(servers);
        var config = S3ObjectStorage.Config(options);
        config.HttpClientFactory = new PinnedCertificateHttpClientFactory(X509CertificateLoader.LoadCertificateFromFile(servers.Environment["TEST_S3_CERT"]));
        return new S3ObjectStorage(new AmazonS3Client(options.AccessKeyId, options.SecretAccessKey, config), options.Bucket);
    }
}
