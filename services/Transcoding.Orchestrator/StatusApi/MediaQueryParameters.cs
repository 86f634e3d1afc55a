using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>
/// The query strings of <c>GET /media</c> and <c>GET /media/stats</c> (issue 17 contract), checked before any query
/// runs: each refusal is one of the constant texts here, answered as a 400 problem's <c>detail</c>, so clients may
/// match on it.
/// </summary>
public static partial class MediaQueryParameters
{
    public const string UnknownState = "state must be one of uploaded, transcoding, ready, failed.";
    public const string BadCode = "code must be a failure code: 1 to 64 characters of a-z, 0-9 and _.";
    public const string CodeOfAnotherState = "code selects failed items: state must be failed or absent.";
    public const string BadUpdatedSince = "updatedSince must be an ISO 8601 time with a UTC offset, such as 2026-12-01T00:00:00Z.";
    public const string BadLimit = "limit must be a whole number from 1 to 200.";
    public const string BadCursor = "cursor is not one this API issued (edited or truncated): start again without it.";
    public const string Repeated = "each of state, code, updatedSince, limit, cursor and window may be given at most once.";
    public const string BadWindow = "window must be an ISO 8601 duration in days, hours, minutes or seconds, above zero and at most P30D (PT1H, P1D).";

    /// <summary>The longest stats window: 30 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    private static readonly string[] Names = ["state", "code", "updatedSince", "limit", "cursor", "window"];

    private static readonly string[] States = [MediaStates.Uploaded, MediaStates.Transcoding, MediaStates.Ready, MediaStates.Failed];

    /// <summary>The page request of <c>GET /media</c>, or the refusal's text (null query).</summary>
    public static (MediaListQuery? Query, string? Error) List(string? state, string? code, string? updatedSince, string? limit, string? cursor)
    {
        if (state is not null && !States.Contains(state, StringComparer.Ordinal))
        {
            return (null, UnknownState);
        }

        // The one rule every stored code follows (README "Failure codes"): anything else matches nothing, and a NUL
        // would reach PostgreSQL, which refuses it (22021).
        if (code is not null && !FailureReportRules.IsCode(code))
        {
            return (null, BadCode);
        }

        if (code is not null && state is not null && state != MediaStates.Failed)
        {
            return (null, CodeOfAnotherState);
        }

        DateTimeOffset? since = null;
        if (updatedSince is not null)
        {
            // An offset is required: a local time would mean a different instant on each server.
            // RFC 3339 allows any number of fractional digits; DateTimeOffset holds 7 (PostgreSQL 6): the rest are cut.
            if (!DateTimeOffset.TryParseExact(ExtraFractionDigits().Replace(updatedSince, ""), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var parsed) || !HasOffset(updatedSince))
            {
                return (null, BadUpdatedSince);
            }

            since = parsed.ToUniversalTime();
        }

        var size = MediaListQuery.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MediaListQuery.MaxLimit))
        {
            return (null, BadLimit);
        }

        MediaCursor? after = null;
        if (cursor is not null)
        {
            if (!MediaCursor.TryDecode(cursor, out var decoded))
            {
                return (null, BadCursor);
            }

            after = decoded;
        }

        return (new MediaListQuery(state ?? (code is null ? null : MediaStates.Failed), code, since, size, after), null);
    }

    /// <summary>The window of <c>GET /media/stats</c> (default <see cref="DefaultWindow"/>), or the refusal's text.</summary>
    public static (TimeSpan? Window, string? Error) Window(string? window)
    {
        if (window is null)
        {
            return (DefaultWindow, null);
        }

        // Years and months have no fixed length (XmlConvert would guess one): only D, H, M and S, M after the T.
        var datePart = window.Split('T')[0];
        TimeSpan span;
        try
        {
            span = datePart.IndexOfAny(['Y', 'M', 'W']) >= 0 || window.StartsWith('-') ? TimeSpan.Zero : XmlConvert.ToTimeSpan(window);
        }
        catch (FormatException)
        {
            span = TimeSpan.Zero;
        }

        return span > TimeSpan.Zero && span <= MaxWindow ? (span, null) : (null, BadWindow);
    }

    /// <summary>True when any of the list's and stats' parameters appears more than once (<c>state=ready&amp;state=failed</c>):
    /// the framework would join the values with commas, so each is refused with <see cref="Repeated"/> before binding means anything.</summary>
    public static bool AnyRepeated(IQueryCollection query) =>
        query.Any(p => p.Value.Count > 1 && Names.Contains(p.Key, StringComparer.OrdinalIgnoreCase));

    [GeneratedRegex(@"(?<=T\d{2}:\d{2}:\d{2}\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();

    private static bool HasOffset(string time) => time.EndsWith('Z') || time.EndsWith('z') || time.LastIndexOfAny(['+', '-']) > "yyyy-MM-dd".Length;
}
