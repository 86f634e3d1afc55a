using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Redaction;

/// <summary>
/// Paths and URLs as they may be written to a log line, a span attribute, a metric tag or an error message. A path
/// reaching below a route that carries a credential in its segments is cut there and ends in that route's template
/// (<c>/webhooks/runpod/{mediaId}/{attempt}/{token}</c>); every query value becomes <c>*</c>, as OpenTelemetry's
/// semantic conventions recommend for <c>url.query</c> (pre-signed S3/R2 URLs carry their signature there).
/// </summary>
/// <remarks>
/// Matching is by whole segments, case-insensitive, after percent-decoding (repeatedly: <c>%2F</c> and <c>%252F</c>
/// stay encoded in <c>HttpRequest.Path</c>), with <c>/</c> and <c>\</c> as separators, empty and <c>.</c> segments
/// ignored and <c>;</c> parameters cut off: every spelling that routing would send to the route, and those a client
/// gets wrong on the way to a 404, is redacted.
/// </remarks>
public static class UrlRedaction
{
    /// <summary>Routes whose segments below the prefix carry a credential, with the template shown instead.</summary>
    private static readonly (string[] Prefix, string Template)[] CredentialRoutes =
    [
        (Segments(WebhookRoutes.RunPod), WebhookRoutes.RunPodTemplate),
    ];

    /// <summary>A request path (decoded, as <c>HttpRequest.Path</c> holds it); no query.</summary>
    public static string Path(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path ?? "";
        }

        var segments = Segments(path);
        foreach (var (prefix, template) in CredentialRoutes)
        {
            var at = IndexOf(segments, prefix);
            if (at >= 0 && segments.Length > at + prefix.Length)
            {
                return string.Concat(segments.Take(at).Select(segment => "/" + segment)) + template;
            }
        }

        return path;
    }

    /// <summary>A query string with or without its leading <c>?</c>: names kept, every value <c>*</c>; a parameter
    /// without a value is itself <c>*</c> (a bare query can be a token).</summary>
    public static string Query(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return query ?? "";
        }

        var leading = query[0] == '?' ? "?" : "";
        var pairs = query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2) is [var name, _] ? name + "=*" : pair.Length == 0 ? pair : "*");
        return leading + string.Join('&', pairs);
    }

    /// <summary>An absolute or relative URL: user info and fragment dropped, path and query redacted as above. Never
    /// throws: text that is not a URL is redacted as a path with a query.</summary>
    public static string Url(Uri? url) => url switch
    {
        null => "",
        { IsAbsoluteUri: true } => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
            + Path(url.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.Unescaped))
            + Query(url.Query),
        _ => Url(url.OriginalString),
    };

    /// <inheritdoc cref="Url(Uri?)"/>
    public static string Url(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url ?? "";
        }

        // On Unix "/a/b" parses as an absolute file URI: a leading slash is a path here.
        if (!url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return Url(absolute);
        }

        var withoutFragment = url.Split('#')[0];
        var query = withoutFragment.IndexOf('?');
        var path = query < 0 ? withoutFragment : withoutFragment[..query];
        return Path(Uri.UnescapeDataString(path)) + (query < 0 ? "" : Query(withoutFragment[query..]));
    }

    private static string[] Segments(string path)
    {
        for (var i = 0; i < 3 && path.Contains('%'); i++)
        {
            path = Uri.UnescapeDataString(path);
        }

        return path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();
    }

    private static int IndexOf(string[] segments, string[] prefix)
    {
        for (var start = 0; start + prefix.Length <= segments.Length; start++)
        {
            if (prefix.Select((segment, i) => string.Equals(segment, segments[start + i].Split(';')[0], StringComparison.OrdinalIgnoreCase)).All(same => same))
            {
                return start;
            }
        }

        return -1;
    }
}
