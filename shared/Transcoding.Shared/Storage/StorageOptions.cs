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

    /// <summary>S3 API endpoint, e.g. <c>https://{account}.r2.cloudflarestorage.com</c>.</summary>
    public string? ServiceUrl { get; set; }

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

            if (string.IsNullOrWhiteSpace(AccessKeyId) || string.IsNullOrWhiteSpace(SecretAccessKey))
            {
                yield return new ValidationResult("Storage:AccessKeyId and Storage:SecretAccessKey are required when Storage:Provider is S3.");
            }
        }
    }
}
