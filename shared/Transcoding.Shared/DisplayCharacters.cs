using System.Globalization;
using System.Text;

namespace Transcoding.Shared;

/// <summary>
/// The one rule for characters that outside text may not bring into what people read (logs, the status API, the
/// dashboard, the ops tables): failure reports (<see cref="Webhooks.FailureReportRules"/>) have them replaced, fault
/// selectors of the orchestrator's faults API are refused for holding them, the orchestrator's "on behalf of" text has
/// them replaced.
/// </summary>
public static class DisplayCharacters
{
    /// <summary>
    /// True for a control character (Unicode Cc: NUL, CR, LF, TAB, ESC, DEL, C1), a line or paragraph separator
    /// (U+2028, U+2029) and a bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069: they reorder
    /// the text around them in a terminal or a page, Unicode TR #9, the "Trojan Source" trick). Zero-width joiners and
    /// the directional marks (U+200B-U+200F) are not: scripts need them (Devanagari conjuncts, emoji sequences).
    /// </summary>
    public static bool IsUnsafe(char c) => char.IsControl(c)
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// <paramref name="text"/> with each character <see cref="IsUnsafe"/> names replaced by <paramref name="replacement"/>,
    /// or removed when it is null; text without one is returned as is.
    /// </summary>
    public static string Clean(string text, char? replacement)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                clean.Append(c);
            }
            else if (replacement is { } with)
            {
                clean.Append(with);
            }
        }

        return clean.ToString();
    }

    /// <summary>The first <paramref name="length"/> UTF-16 characters of <paramref name="text"/> (one fewer rather than half a surrogate pair).</summary>
    public static string Cut(string text, int length) => text.Length <= length
        ? text
        : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
