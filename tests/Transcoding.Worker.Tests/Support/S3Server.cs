using Transcoding.Shared.Storage;

namespace Transcoding.Worker.Tests.Support;

/// <summary>The s3rver the test servers run (HTTPS, self-signed certificate trusted through SSL_CERT_FILE).</summary>
public static class S3Server
{
    public static StorageOptions Options()
    {
        var url = Environment.GetEnvironmentVariable("TEST_S3_URL");
        Assert.False(string.IsNullOrWhiteSpace(url), "TEST_S3_URL is not set: start the test servers: make test (or scripts/test-infra.sh start)");
        return new StorageOptions
        {
            Provider = StorageProvider.S3,
            ServiceUrl = url,
            Bucket = Environment.GetEnvironmentVariable("TEST_S3_BUCKET") ?? "media",
            AccessKeyId = "S3RVER",
            SecretAccessKey = "S3RVER",
            Region = "us-east-1",
        };
    }

    public static IDictionary<string, string?> WorkerSettings(StorageOptions options) => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "S3",
        ["Storage:ServiceUrl"] = options.ServiceUrl,
        ["Storage:Bucket"] = options.Bucket,
        ["Storage:AccessKeyId"] = options.AccessKeyId,
        ["Storage:SecretAccessKey"] = options.SecretAccessKey,
        ["Storage:Region"] = options.Region,
    };
}
