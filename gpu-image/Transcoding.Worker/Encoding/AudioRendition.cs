using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// One audio track as HLS writes it (<c>../shared/conventions.md</c>, storage layout). <see cref="Name"/> is its folder
/// under <c>hls/</c> and ffmpeg's variant name: <c>audio</c> for the main track, <c>audio-{n}</c> for the others (n = 2, 3,
/// ... in source order). <see cref="Label"/>, <see cref="Language"/> (RFC 5646, null when the source does not say) and
/// <see cref="IsDefault"/> are its <c>EXT-X-MEDIA</c> <c>NAME</c>, <c>LANGUAGE</c> and <c>DEFAULT</c> (RFC 8216 section 4.3.4.1).
/// </summary>
public sealed record AudioRendition(AudioStreamInfo Stream, string Name, string Label, string? Language, bool IsDefault)
{
    public const string MainName = "audio";

    /// <summary>ffmpeg's <c>agroup</c>; it writes <c>GROUP-ID="group_audio"</c>.</summary>
    public const string GroupName = "audio";

    /// <summary>Every audio rendition is encoded to stereo (<c>-ac 2</c>); <c>EXT-X-MEDIA</c> says so in <c>CHANNELS</c>.</summary>
    public const int Channels = 2;

    /// <summary>
    /// The main track (<see cref="MediaProbe.Audio"/>) first, then the others in source order; empty without audio.
    /// <see cref="Label"/> is the track's title, else its language's own name, else "Audio n" (n as in its folder), made
    /// unique in the group as RFC 8216 section 4.3.4.1.1 requires ("Commentary (3)").
    /// </summary>
    public static IReadOnlyList<AudioRendition> Plan(MediaProbe probe)
    {
        if (probe.Audio is not { } main)
        {
            return [];
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        return [.. new[] { main }.Concat(probe.AudioStreams.Where(a => a != main)).Select((stream, i) =>
        {
            var number = i + 1;
            var language = LanguageTags.ToRfc5646(stream.Language);
            var label = QuotedText(stream.Title) ?? (language is null ? null : LanguageTags.NativeName(language)) ?? $"Audio {number}";
            var unique = label;
            for (var copy = number; !labels.Add(unique); copy++)
            {
                unique = $"{label} ({copy})";
            }

            return new AudioRendition(stream, number == 1 ? MainName : $"{MainName}-{number}", unique, language, stream == main);
        })];
    }

    /// <summary>RFC 8216 section 4.2: a quoted-string holds no double quote, CR or LF; null when nothing is left.</summary>
    private static string? QuotedText(string? text)
    {
        var cleaned = new string([.. (text ?? "").Select(c => c == '"' ? '\'' : char.IsControl(c) ? ' ' : c)]).Trim();
        return cleaned.Length > 0 ? cleaned : null;
    }
}
