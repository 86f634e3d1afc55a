using System.ComponentModel.DataAnnotations;

namespace Transcoding.Shared.Storage;

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary>Section <c>Storage</c>. Secrets (<see cref="SecretAccessKey"/>) come from configuration only.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    /// <summary>Folder that plays the bucket when <see cref="Provider"/> is Local.</summary>
    public string LocalRoot { get; set; } = ".run/bucket";

    /// <summary>
    /// S3 API endpoint, e.g. <c>https://{account}.r2.cloudflarestorage.com</c>: required when <see cref="Provider"/> is
    /// S3; absolute http or https with no path other than "/", no query, no fragment, no user info (refused at start-up).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// Optional S3 API endpoint that presigned GET URLs name instead of <see cref="ServiceUrl"/> (the
    /// same rule as <see cref="ServiceUrl"/>), for browsers that cannot reach the services' address: MinIO as <c>http://minio:9000</c> inside compose
    /// is <c>http://127.0.0.1:9000</c> from the host; likewise a VPC endpoint or an internal load balancer. The URL is
    /// presigned for this host (SigV4 signs the host), never rewritten; uploads and downloads keep
    /// <see cref="ServiceUrl"/>. Unset or empty: presigned URLs name <see cref="ServiceUrl"/> (R2's API host is public;
    /// empty so that one compose file serves the profile that needs it and the one that does not).
    /// </summary>
    public string? PublicServiceUrl { get; set; }

    /// <summary><see cref="PublicServiceUrl"/> when it holds a value, else null.</summary>
    public string? PresignUrl => string.IsNullOrWhiteSpace(PublicServiceUrl) ? null : PublicServiceUrl;

    public string Bucket { get; set; } = "media";

    public string Region { get; set; } = "auto";

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>How many objects are uploaded at once.</summary>
    [Range(1, 64)]
    public int UploadParallelism { get; set; } = 4;

    /// <summary>
    /// How long a storage call of a job (the worker's download and uploads, the local RunPod endpoint's instant
    /// completion) keeps retrying a transient failure, counted from its first failure (<see cref="StorageRetry"/>);
    /// zero fails at once. 60 s by default: R2/S3 incidents worth riding out are short, and GPU seconds spent waiting
    /// are cheaper than a second job. At most 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Storage:OutageBudget must be between 00:00:00 and 00:10:00.")]
    public TimeSpan OutageBudget { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Local && string.IsNullOrWhiteSpace(LocalRoot))
        {
            yield return new ValidationResult("Storage:LocalRoot is required when Storage:Provider is Local.");
        }

        if (Provider == StorageProvider.S3)
        {
            if (string.IsNullOrWhiteSpace(ServiceUrl))
            {
                yield return new ValidationResult("Storage:ServiceUrl is required when Storage:Provider is S3.");
            }
            else if (!IsEndpointUrl(ServiceUrl))
            {
                yield return new ValidationResult($"Storage:ServiceUrl {EndpointUrlRule} (the S3 API endpoint, e.g. https://{{account}}.r2.cloudflarestorage.com).");
            }

            // The value is never quoted in these messages: user info would put a credential in the start-up error.
            if (PresignUrl is { } presignUrl && !IsEndpointUrl(presignUrl))
            {
                yield return new ValidationResult($"Storage:PublicServiceUrl {EndpointUrlRule} (the S3 API as browsers reach it, e.g. http://127.0.0.1:9000), or empty.");
            }

            if (string.IsNullOrWhiteSpace(AccessKeyId) || string.IsNullOrWhiteSpace(SecretAccessKey))
            {
                yield return new ValidationResult("Storage:AccessKeyId and Storage:SecretAccessKey are required when Storage:Provider is S3.");
            }
        }
    }

    private const string EndpointUrlRule = "must be an absolute http or https URL with no path other than \"/\", no query, no fragment and no user info";

    /// <summary>
    /// True for a URL the S3 SDK can take as an endpoint: absolute http or https, path empty or "/", no query, no
    /// fragment, no user info. The SDK appends <c>/{key}</c> to the endpoint as given (a path prefix makes
    /// <c>prefix//media/...</c> links) and refuses a query when presigning ("not a valid URI"), so such values are
    /// refused at start-up rather than on every request.
    /// </summary>
    // Uri.TryCreate takes "/path" for an absolute file: URI on Unix, hence the scheme check. With the path "/", a '?',
    // '#' or '@' can only open a query, a fragment or end user info; checked on the text as Uri reports an empty query
    // ("http://h/?") as none.
    private static bool IsEndpointUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.AbsolutePath == "/"
        && value.IndexOfAny(['?', '#', '@']) < 0;
}
