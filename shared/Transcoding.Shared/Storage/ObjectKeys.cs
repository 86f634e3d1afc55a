using System.Text;

namespace Transcoding.Shared.Storage;

/// <summary>
/// What an object key in our bucket may be: 1 to 1024 bytes of UTF-8 (the S3/R2 limit), relative (no leading
/// <c>/</c>), with no empty, <c>.</c> or <c>..</c> segment, no backslash and no control character. S3 would store
/// <c>../x</c> as a plain name, but the local folder storage cannot, and no upload of ours makes such a key: a key
/// outside this rule is the sender's mistake, reported as such rather than retried.
/// </summary>
public static class ObjectKeys
{
    public const int MaxBytes = 1024;

    /// <summary>Null when <paramref name="key"/> is valid, else why not (without the key, which a caller may log).</summary>
    public static string? Problem(string key)
    {
        if (key.Length == 0)
        {
            return "is empty";
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxBytes)
        {
            return $"is longer than {MaxBytes} bytes";
        }

        if (key.Any(char.IsControl) || key.Contains('\\'))
        {
            return "contains a control character or a backslash";
        }

        return key.Split('/').Any(segment => segment is "" or "." or "..")
            ? "must be relative, without empty, '.' or '..' segments"
            : null;
    }
}
