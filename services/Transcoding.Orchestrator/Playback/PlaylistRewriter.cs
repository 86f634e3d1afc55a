using System.Text;
using System.Text.RegularExpressions;

namespace Transcoding.Orchestrator.Playback;

/// <summary>
/// Replaces the URI references inside the text files a player reads, leaving everything else byte for byte: HLS
/// playlists (RFC 8216 4.1: every line not starting with <c>#</c> and not blank is a URI; tags carry URIs only in
/// quoted <c>URI="..."</c> attributes, 4.2) and WebVTT thumbnail tracks (W3C WebVTT: a cue's payload lines follow its
/// <c>--&gt;</c> timing line up to a blank line; here each is <c>storyboard.jpg#xywh=x,y,w,h</c>).
/// </summary>
public static partial class PlaylistRewriter
{
    /// <param name="link">The new reference for one found in the text (as written there).</param>
    public static string RewriteHls(string playlist, Func<string, string> link) => MapLines(playlist, line =>
        line.Length == 0 ? line
        : line[0] == '#' ? UriAttribute().Replace(line, match => $"{match.Groups[1].Value}URI=\"{link(match.Groups[2].Value)}\"")
        : link(line.Trim()));

    /// <param name="link">The new reference for a cue payload (as written there, fragment included).</param>
    public static string RewriteVtt(string vtt, Func<string, string> link)
    {
        var inCue = false;
        return MapLines(vtt, line =>
        {
            if (line.Contains("-->", StringComparison.Ordinal))
            {
                inCue = true;
                return line;
            }

            if (line.Trim().Length == 0)
            {
                inCue = false;
                return line;
            }

            return inCue ? link(line.Trim()) : line;
        });
    }

    /// <summary>Applies <paramref name="map"/> to each line (without its CR), keeping the line ends as they were.</summary>
    private static string MapLines(string text, Func<string, string> map)
    {
        var result = new StringBuilder(text.Length * 2);
        foreach (var raw in text.Split('\n'))
        {
            var crlf = raw.EndsWith('\r');
            result.Append(map(crlf ? raw[..^1] : raw)).Append(crlf ? "\r\n" : "\n");
        }

        return result.ToString(0, result.Length - 1);
    }

    /// <summary>An attribute named exactly URI (not e.g. <c>X-URI</c>): after the tag's colon or a comma.</summary>
    [GeneratedRegex("([:,])URI=\"([^\"]*)\"")]
    private static partial Regex UriAttribute();
}
