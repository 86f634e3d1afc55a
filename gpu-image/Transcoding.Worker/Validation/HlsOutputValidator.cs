using System.Globalization;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Validation;

/// <summary>
/// Checks a job's output folder (the layout of <c>../shared/conventions.md</c> under the media prefix) before the
/// worker says <c>completed</c>: manifest.json, the master playlist, every variant's and every <c>EXT-X-MEDIA</c>
/// rendition's playlist and its segments. Reads files only; returns every problem found, in a stable order (manifest,
/// master, then playlists in master order: renditions, then variants).
/// </summary>
public static class HlsOutputValidator
{
    /// <summary>
    /// How far a variant's EXTINF sum may be from the probed duration, in seconds. Honest differences are a frame or
    /// an AAC frame (tens of milliseconds); half a second is far above that and far below what a viewer would miss
    /// (a truncated upload or audio running past the video differ by whole seconds).
    /// </summary>
    public const double DurationToleranceSeconds = 0.5;

    /// <param name="outputDirectory">The local folder that is uploaded under <paramref name="prefix"/>.</param>
    /// <param name="prefix">The media prefix the manifest's keys start with, ending with '/'.</param>
    /// <param name="probedDurationSeconds">The source's duration from ffprobe; 0 (unknown) skips the duration rule.</param>
    public static IReadOnlyList<OutputProblem> Validate(string outputDirectory, string prefix, double probedDurationSeconds)
    {
        var problems = new List<OutputProblem>();
        var outputs = ReadManifest(outputDirectory, problems);
        if (outputs is null)
        {
            return problems;
        }

        foreach (var key in MediaKeys.Of(outputs).Select(key => key ?? ""))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || FileLength(outputDirectory, key[prefix.Length..]) is not > 0)
            {
                problems.Add(new OutputProblem(OutputProblem.ManifestKeyMissing, key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key, "listed in manifest.json but not written (or empty)"));
            }
        }

        if (!outputs.MasterPlaylistKey.StartsWith(prefix, StringComparison.Ordinal) || !File.Exists(LocalPath(outputDirectory, outputs.MasterPlaylistKey[prefix.Length..])))
        {
            return problems;
        }

        var masterRelative = outputs.MasterPlaylistKey[prefix.Length..];
        var masterFolder = masterRelative[..(masterRelative.LastIndexOf('/') + 1)];
        var masterText = File.ReadAllText(LocalPath(outputDirectory, masterRelative));
        var variants = MasterPlaylist.Parse(masterText);
        var media = MasterPlaylist.ParseMedia(masterText);
        if (!masterText.StartsWith("#EXTM3U", StringComparison.Ordinal) || variants.Count == 0)
        {
            problems.Add(new OutputProblem(OutputProblem.PlaylistUnparsable, masterRelative, "no #EXTM3U first or no #EXT-X-STREAM-INF"));
            return problems;
        }

        CheckRenditions(outputs, prefix, masterFolder, variants, media, problems);
        CheckAudioGroups(masterRelative, variants, media, problems);

        // Whether each playlist was found whole (every segment written), by URI relative to the master; each is read once.
        var whole = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var uri in media.Select(m => m.Uri).OfType<string>().Distinct())
        {
            whole[uri] = CheckPlaylist(outputDirectory, masterFolder + uri, probedDurationSeconds, problems);
        }

        foreach (var variant in variants)
        {
            if (variant.Uri is null || variant.Bandwidth is null || !variant.Attributes.ContainsKey("CODECS"))
            {
                problems.Add(new OutputProblem(OutputProblem.PlaylistUnparsable, masterRelative, $"a variant lacks {(variant.Uri is null ? "its URI" : variant.Bandwidth is null ? "BANDWIDTH" : "CODECS")}"));
                continue;
            }

            if (!whole.ContainsKey(variant.Uri))
            {
                whole[variant.Uri] = CheckPlaylist(outputDirectory, masterFolder + variant.Uri, probedDurationSeconds, problems);
            }

            var played = MasterPlaylist.AudioGroup(variant, media).Select(m => m.Uri).OfType<string>().Append(variant.Uri);
            if (played.All(uri => whole[uri]))
            {
                CheckBandwidth(MasterPlaylist.Played(variant, media, uri => VariantSize.Measure(LocalPath(outputDirectory, masterFolder + uri))), variant, masterFolder + variant.Uri, problems);
            }
        }

        return problems;
    }

    private static TranscodeOutputs? ReadManifest(string outputDirectory, List<OutputProblem> problems)
    {
        try
        {
            return JsonSerializer.Deserialize<TranscodeOutputs>(File.ReadAllText(Path.Combine(outputDirectory, MediaKeys.ManifestName)), JsonDefaults.Web)
                ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            problems.Add(new OutputProblem(OutputProblem.ManifestKeyMissing, MediaKeys.ManifestName, "missing or not an outputs record"));
            return null;
        }
    }

    /// <summary>
    /// Each rendition of the manifest is in the master: a video rung as a variant with its RESOLUTION; an audio
    /// rendition as a variant without one (audio-only) or as an <c>EXT-X-MEDIA</c> audio rendition whose NAME, LANGUAGE
    /// and DEFAULT are the manifest's.
    /// </summary>
    private static void CheckRenditions(TranscodeOutputs outputs, string prefix, string masterFolder, IReadOnlyList<MasterPlaylist.Variant> variants, IReadOnlyList<MasterPlaylist.Media> media, List<OutputProblem> problems)
    {
        foreach (var rendition in outputs.Renditions)
        {
            var uri = rendition.PlaylistKey.StartsWith(prefix + masterFolder, StringComparison.Ordinal) ? rendition.PlaylistKey[(prefix + masterFolder).Length..] : rendition.PlaylistKey;
            var variant = variants.FirstOrDefault(v => v.Uri == uri);
            var expected = rendition.Width is { } width && rendition.Height is { } height ? $"{width}x{height}" : null;
            var written = variant?.Attributes.GetValueOrDefault("RESOLUTION");
            if (expected is null && media.FirstOrDefault(m => m.Type == "AUDIO" && m.Uri == uri) is { } audio)
            {
                var listed = $"NAME={rendition.Label}, LANGUAGE={rendition.Language}, DEFAULT={(rendition.IsDefault == true ? "YES" : "NO")}";
                var master = $"NAME={audio.Attributes.GetValueOrDefault("NAME")}, LANGUAGE={audio.Attributes.GetValueOrDefault("LANGUAGE")}, DEFAULT={(audio.IsDefault ? "YES" : "NO")}";
                if (listed != master)
                {
                    problems.Add(new OutputProblem(OutputProblem.RenditionMismatch, masterFolder + uri, $"master says {master}, manifest {listed}"));
                }
            }
            else if (variant is null || written != expected)
            {
                problems.Add(new OutputProblem(OutputProblem.ResolutionMismatch, masterFolder + uri,
                    variant is null ? "rendition not in the master playlist" : $"master says {written ?? "no RESOLUTION"}, rendition is {expected ?? "audio only"}"));
            }
        }
    }

    /// <summary>
    /// RFC 8216 section 4.3.4.1.1 and 4.3.4.2: the AUDIO group a variant names exists, has exactly one DEFAULT=YES, and the
    /// variant's CODECS lists the audio codec it plays with the video (the worker writes AAC, <c>mp4a</c>).
    /// </summary>
    private static void CheckAudioGroups(string masterRelative, IReadOnlyList<MasterPlaylist.Variant> variants, IReadOnlyList<MasterPlaylist.Media> media, List<OutputProblem> problems)
    {
        foreach (var variant in variants.Where(v => v.Attributes.ContainsKey("AUDIO")))
        {
            var name = variant.Attributes["AUDIO"];
            var group = MasterPlaylist.AudioGroup(variant, media);
            var defaults = group.Count(m => m.IsDefault);
            if (group.Count == 0)
            {
                problems.Add(new OutputProblem(OutputProblem.AudioGroupMissing, masterRelative, $"{variant.Uri} names AUDIO=\"{name}\", no EXT-X-MEDIA has it"));
            }
            else if (defaults != 1)
            {
                problems.Add(new OutputProblem(OutputProblem.AudioDefaultNotOne, masterRelative, $"AUDIO group \"{name}\" has {defaults} DEFAULT=YES"));
            }

            if (variant.Attributes.TryGetValue("CODECS", out var codecs) && !codecs.Split(',').Any(c => c.Trim().StartsWith("mp4a.", StringComparison.Ordinal)))
            {
                problems.Add(new OutputProblem(OutputProblem.CodecsMismatch, masterRelative, $"{variant.Uri} plays AUDIO=\"{name}\" but CODECS=\"{codecs}\" lists no audio codec"));
            }
        }
    }

    /// <summary>
    /// One media playlist, <paramref name="subject"/> relative to the output folder: it exists and parses, TARGETDURATION
    /// covers its segments, every segment is written and not empty, and its EXTINF sum is the probed duration. True when
    /// every segment is there (its bit rates can be measured).
    /// </summary>
    private static bool CheckPlaylist(string outputDirectory, string subject, double probedDurationSeconds, List<OutputProblem> problems)
    {
        var path = LocalPath(outputDirectory, subject);
        if (!File.Exists(path))
        {
            problems.Add(new OutputProblem(OutputProblem.PlaylistUnparsable, subject, "missing"));
            return false;
        }

        var playlist = MediaPlaylist.Parse(File.ReadAllText(path));
        problems.AddRange(playlist.Problems.Select(p => new OutputProblem(OutputProblem.PlaylistUnparsable, subject, p)));
        if (playlist.Segments.Count == 0)
        {
            problems.Add(new OutputProblem(OutputProblem.PlaylistUnparsable, subject, "lists no segment"));
            return false;
        }

        var required = MediaPlaylist.RequiredTargetDuration(playlist.Segments.Select(s => s.Seconds));
        if (playlist.TargetDuration is { } target && target < required)
        {
            problems.Add(new OutputProblem(OutputProblem.TargetDurationTooSmall, subject, $"#EXT-X-TARGETDURATION:{target}, segments need {required} (RFC 8216 4.3.3.1)"));
        }

        var folder = subject[..(subject.LastIndexOf('/') + 1)];
        var whole = true;
        foreach (var segment in playlist.Segments)
        {
            var length = FileLength(outputDirectory, folder + segment.Uri);
            if (length is not > 0)
            {
                whole = false;
                problems.Add(new OutputProblem(length is null ? OutputProblem.SegmentMissing : OutputProblem.SegmentEmpty, folder + segment.Uri, length is null ? "not written" : "0 bytes"));
            }
        }

        var seconds = playlist.TotalSeconds;
        if (probedDurationSeconds > 0 && Math.Abs(seconds - probedDurationSeconds) > DurationToleranceSeconds)
        {
            problems.Add(new OutputProblem(OutputProblem.DurationMismatch, subject,
                string.Create(CultureInfo.InvariantCulture, $"EXTINF sum {seconds:0.###} s, source {probedDurationSeconds:0.###} s (tolerance {DurationToleranceSeconds} s)")));
        }

        return whole;
    }

    /// <summary>
    /// RFC 8216 section 4.3.4.2: BANDWIDTH is at least the peak segment bit rate of what the variant plays (with its audio
    /// group's largest rendition, <see cref="MasterPlaylist.Played"/>); AVERAGE-BANDWIDTH is not above it.
    /// </summary>
    private static void CheckBandwidth(BitRates played, MasterPlaylist.Variant variant, string subject, List<OutputProblem> problems)
    {
        var bandwidth = variant.Bandwidth!.Value;
        if (bandwidth < played.Peak)
        {
            problems.Add(new OutputProblem(OutputProblem.BandwidthBelowPeak, subject, $"BANDWIDTH={bandwidth}, peak segment {played.Peak} bit/s"));
        }

        if (variant.AverageBandwidth is { } average && average > bandwidth)
        {
            problems.Add(new OutputProblem(OutputProblem.AverageAboveBandwidth, subject, $"AVERAGE-BANDWIDTH={average} > BANDWIDTH={bandwidth}"));
        }
    }

    private static string LocalPath(string outputDirectory, string relative) => Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));

    private static long? FileLength(string outputDirectory, string relative)
    {
        var file = new FileInfo(LocalPath(outputDirectory, relative));
        return file.Exists ? file.Length : null;
    }
}
