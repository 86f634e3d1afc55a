using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Transcoding.Shared.Storage;

/// <summary>
/// R2 (or any S3 API) through AWSSDK.S3: <paramref name="s3"/> makes every request; <paramref name="presigner"/>, when
/// given, only presigns GET URLs (for <see cref="StorageOptions.PublicServiceUrl"/>'s host: no request is made with it).
/// </summary>
public sealed class S3ObjectStorage(IAmazonS3 s3, string bucket, IAmazonS3? presigner = null) : IObjectStorage
{
    public static IAmazonS3 CreateClient(StorageOptions options) => CreateClient(options, options.ServiceUrl);

    /// <summary>The storage of <paramref name="options"/> (Provider S3), presigning for <see cref="StorageOptions.PublicServiceUrl"/> when set.</summary>
    public static S3ObjectStorage Create(StorageOptions options) => new(
        CreateClient(options),
        options.Bucket,
        options.PresignUrl is { } publicUrl ? CreateClient(options, publicUrl) : null);

    /// <summary>The client settings <see cref="CreateClient(StorageOptions)"/> uses (a test may add its own certificate trust on top).</summary>
    public static AmazonS3Config Config(StorageOptions options) => Config(options, options.ServiceUrl);

    private static IAmazonS3 CreateClient(StorageOptions options, string? serviceUrl) =>
        new AmazonS3Client(options.AccessKeyId, options.SecretAccessKey, Config(options, serviceUrl));

    private static AmazonS3Config Config(StorageOptions options, string? serviceUrl) => new()
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = options.Region,

        // R2 wants path-style addressing and rejects the SDK v4 default checksums; s3rver stores the
        // aws-chunked framing unless payload signing is off (see README, storage).
        ForcePathStyle = true,
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,

        // The SDK's own retries, pinned so AWS_MAX_ATTEMPTS or a profile cannot multiply them: 3 tries with its
        // short back-off, inside one try of StorageRetry (a refused connection costs well under a second), so
        // together they stay near StorageOptions.OutageBudget. The SDK leaves the S3 HTTP timeout infinite
        // (large objects); a hung call ends with the job's token.
        RetryMode = Amazon.Runtime.RequestRetryMode.Standard,
        MaxErrorRetry = 2,
    };

    public async Task UploadFileAsync(string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await UploadAsync(key, file, contentType, cacheControl, cancellationToken);
    }

    public async Task UploadAsync(string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            DisablePayloadSigning = true,
            AutoCloseStream = false,
        };
        if (cacheControl is not null)
        {
            request.Headers.CacheControl = cacheControl;
        }

        await s3.PutObjectAsync(request, cancellationToken);
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(key, cancellationToken);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(key);
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return item.Key;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>Presigned by <c>presigner</c> when there is one: SigV4 signs the host, so a URL for the public host must be
    /// signed for it (a signed URL whose host is swapped afterwards is refused).</summary>
    public Uri? PresignedGetUrl(string key, DateTimeOffset expiresAt)
    {
        var signer = presigner ?? s3;
        return new(signer.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,

            // The SDK writes https unless told otherwise: the URL must use the endpoint's own scheme (MinIO on http).
            Protocol = signer.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        }));
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var key in ListAsync(prefix, cancellationToken))
        {
            await s3.DeleteObjectAsync(bucket, key, cancellationToken);
        }
    }
}
