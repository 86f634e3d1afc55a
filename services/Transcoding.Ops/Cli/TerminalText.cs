using System.Globalization;
using System.Text;

namespace Transcoding.Ops.Cli;

/// <summary>
/// Text from the broker or the API (fault headers and bodies, exception types, queue names, failure messages) made safe
/// for a terminal: a control character (C0, DEL, C1) or a bidirectional override in it could clear the screen, set the
/// window title or hide text (ESC[2J, OSC), so each becomes its visible escape (<c>\x1B</c>, <c>\u202E</c>). JSON
/// output is not passed through here: the serializer escapes them and keeps the text exact.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character escaped; line breaks and tabs are kept when
    /// <paramref name="multiline"/> (bodies, stack traces), escaped otherwise (table cells).</summary>
    public static string Clean(string text, bool multiline = false)
    {
        if (!text.Any(c => IsUnsafe(c, multiline)))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            clean.Append(!IsUnsafe(c, multiline) ? c.ToString()
                : c <= '\xFF' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
        }

        return clean.ToString();
    }

    private static bool IsUnsafe(char c, bool multiline) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
