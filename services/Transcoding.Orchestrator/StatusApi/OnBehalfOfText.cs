using Transcoding.Shared;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>
/// How a retry's or cancel's reason carries the body's <c>requestedBy</c> (unverified: who asked is the authenticated
/// caller). Behind a shared key it is the only trace of the person, so it comes first, where the history's cut to
/// <see cref="Shared.Webhooks.FailureReportRules.MaxMessageLength"/> characters cannot reach it, and it is quoted so
/// that it cannot pass for the text around it: <c>on behalf of "alice": wrong file</c>.
/// </summary>
public static class OnBehalfOfText
{
    /// <summary>The longest name kept, in characters; a longer one is cut and ends with "…".</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// <paramref name="reason"/> preceded by <c>on behalf of "{name}": </c>, or <paramref name="reason"/> alone when
    /// <paramref name="requestedBy"/> is null, holds nothing visible or is <paramref name="caller"/>. The name is put on
    /// one line (characters <see cref="DisplayCharacters.IsUnsafe"/> names become spaces), trimmed, cut to
    /// <see cref="MaxNameLength"/> characters plus "…", and its <c>\</c> and <c>"</c> escaped with <c>\</c>.
    /// </summary>
    public static string Prefix(string? requestedBy, string caller, string reason)
    {
        var name = DisplayCharacters.Clean(requestedBy ?? "", replacement: ' ').Trim();
        if (name.Length == 0 || name == caller)
        {
            return reason;
        }

        var kept = DisplayCharacters.Cut(name, MaxNameLength);
        var quoted = (kept.Length < name.Length ? kept + "…" : kept).Replace(@"\", @"\\").Replace("\"", "\\\"");
        return $"on behalf of \"{quoted}\": {reason}";
    }
}
