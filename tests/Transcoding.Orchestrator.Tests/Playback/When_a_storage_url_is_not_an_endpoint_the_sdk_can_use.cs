using Microsoft.AspNetCore.Hosting;
using Transcoding.Shared.Storage;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary><c>Storage:ServiceUrl</c> and <c>Storage:PublicServiceUrl</c> (when given) must be absolute http or https
/// URLs with no path other than "/", no query, no fragment and no user info: the S3 SDK cannot presign with a query and
/// doubles the slash after a path prefix. The orchestrator refuses to start otherwise, naming the setting and never
/// quoting the value (no storage server is needed: validation comes first). Empty PublicServiceUrl is unset.</summary>
public sealed class When_a_storage_url_is_not_an_endpoint_the_sdk_can_use
{
    private const string Valid = "http://minio:9000";

    [Theory]
    [InlineData("Storage:PublicServiceUrl", "minio:9000/media")]
    [InlineData("Storage:PublicServiceUrl", "/media")]
    [InlineData("Storage:PublicServiceUrl", "ftp://127.0.0.1:9000")]
    [InlineData("Storage:PublicServiceUrl", "localhost:9000")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000/?x=1")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000?x=1")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000/?")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000/#top")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000/prefix")]
    [InlineData("Storage:PublicServiceUrl", "http://127.0.0.1:9000/prefix/")]
    [InlineData("Storage:PublicServiceUrl", "http://user:hunter2@127.0.0.1:9000")]
    [InlineData("Storage:ServiceUrl", "minio:9000")]
    [InlineData("Storage:ServiceUrl", "ftp://minio:9000")]
    [InlineData("Storage:ServiceUrl", "http://minio:9000/?x=1")]
    [InlineData("Storage:ServiceUrl", "http://minio:9000/#top")]
    [InlineData("Storage:ServiceUrl", "http://minio:9000/prefix")]
    [InlineData("Storage:ServiceUrl", "http://user:hunter2@minio:9000")]
    public void Start_up_is_refused_naming_the_setting_without_its_value(string setting, string value)
    {
        using var factory = new OrchestratorFactory().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:Provider", "S3");
            host.UseSetting("Storage:ServiceUrl", Valid);
            host.UseSetting("Storage:AccessKeyId", "transcoding");
            host.UseSetting("Storage:SecretAccessKey", "not-a-real-secret");
            host.UseSetting(setting, value);
        });

        var refusal = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"{setting} must be an absolute http or https URL with no path other than \"/\", no query, no fragment and no user info", refusal.Message);
        Assert.DoesNotContain(value, refusal.Message);
        Assert.DoesNotContain("hunter2", refusal.Message);
        Assert.DoesNotContain("not-a-real-secret", refusal.Message);
    }

    /// <summary>What the rule lets through for either setting: a bare endpoint, with or without the trailing "/", http or https.</summary>
    [Theory]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("https://account.r2.cloudflarestorage.com")]
    public void An_endpoint_is_accepted_for_both_settings(string value)
    {
        var options = S3Options(serviceUrl: value, publicServiceUrl: value);

        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    /// <summary>Empty is unset (compose passes <c>${Storage__PublicServiceUrl:-}</c>): links are presigned for <c>Storage:ServiceUrl</c>, no request made.</summary>
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_public_url_presigns_for_the_service_url(string publicServiceUrl)
    {
        var options = S3Options(serviceUrl: Valid, publicServiceUrl: publicServiceUrl);

        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        var link = S3ObjectStorage.Create(options).PresignedGetUrl("media/x/poster.jpg", DateTimeOffset.UtcNow.AddHours(1))!;
        Assert.Equal(Valid, link.GetLeftPart(UriPartial.Authority));
    }

    private static StorageOptions S3Options(string serviceUrl, string publicServiceUrl) => new()
    {
        Provider = StorageProvider.S3,
        ServiceUrl = serviceUrl,
        AccessKeyId = "transcoding",
        SecretAccessKey = "not-a-real-secret",
        PublicServiceUrl = publicServiceUrl,
    };
}
