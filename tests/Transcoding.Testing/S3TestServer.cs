using Transcoding.Shared.Storage;

namespace Transcoding.Testing;

/// <summary>The s3rver the test servers run (HTTPS, self-signed certificate trusted through SSL_CERT_FILE).</summary>
public static class S3TestServer
{
    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("TEST_S3_URL"));

    /// <summary>Storage settings for its bucket; fails when the test servers are not started.</summary>
    public static StorageOptions Options() => new()
    {
        Provider = StorageProvider.S3,
        ServiceUrl = TestServers.Require("TEST_S3_URL"),
        Bucket = Environment.GetEnvironmentVariable("TEST_S3_BUCKET") ?? "media",
        AccessKeyId = "S3RVER",
        SecretAccessKey = "S3RVER",
        Region = "us-east-1",
    };

    /// <summary><paramref name="options"/> as a service reads them from configuration (<c>Storage:*</c>); an unset
    /// <see cref="StorageOptions.PublicServiceUrl"/> is left out, as a deployment leaves it out.</summary>
    public static IDictionary<string, string?> Settings(StorageOptions options)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = options.Provider.ToString(),
            ["Storage:ServiceUrl"] = options.ServiceUrl,
            ["Storage:Bucket"] = options.Bucket,
            ["Storage:AccessKeyId"] = options.AccessKeyId,
            ["Storage:SecretAccessKey"] = options.SecretAccessKey,
            ["Storage:Region"] = options.Region,
        };
        if (options.PublicServiceUrl is not null)
        {
            settings["Storage:PublicServiceUrl"] = options.PublicServiceUrl;
        }

        return settings;
    }
}
