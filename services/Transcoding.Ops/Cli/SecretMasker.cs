using System.Text.RegularExpressions;

namespace Transcoding.Ops.Cli;

/// <summary>Keeps passwords out of anything the CLI prints, including messages of exceptions it did not write.</summary>
public static partial class SecretMasker
{
    public const string Mask = "***";

    /// <summary>The text with the password of every <c>scheme://user:password@</c> in it replaced by <see cref="Mask"/>.</summary>
    public static string MaskUris(string text) => UserInfoPassword().Replace(text, "${prefix}" + Mask + "@");

    [GeneratedRegex(@"(?<prefix>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)[^@\s/]*@")]
    private static partial Regex UserInfoPassword();

    /// <summary>The passwords in the user info of these URIs, as written and unescaped.</summary>
    public static IEnumerable<string> PasswordsIn(params string?[] uris) =>
        uris.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.UserInfo.Split(':', 2) : [])
            .Where(parts => parts.Length == 2)
            .SelectMany(parts => new[] { parts[1], Uri.UnescapeDataString(parts[1]) });

    /// <summary>The URI with the password part of its user info replaced by <see cref="Mask"/>.</summary>
    public static string MaskUri(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length == 0)
        {
            return uri;
        }

        var user = parsed.UserInfo.Split(':', 2)[0];
        var builder = new UriBuilder(parsed) { UserName = Uri.UnescapeDataString(user), Password = parsed.UserInfo.Contains(':') ? Mask : "" };
        return builder.Uri.ToString().Replace(Uri.EscapeDataString(Mask), Mask, StringComparison.Ordinal);
    }

    /// <summary>The text with every occurrence of each secret (raw and URL-escaped) replaced by <see cref="Mask"/>.</summary>
    public static string Scrub(string text, IEnumerable<string> secrets)
    {
        text = MaskUris(text);
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret)
            {
                text = text.Replace(escaped, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
