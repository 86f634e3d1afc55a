using System.Globalization;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;

namespace Transcoding.Worker.Tests.Validation;

/// <summary>
/// A one-rendition output folder written from a few numbers: 360p, segments of <see cref="SegmentBytes"/> bytes
/// lasting <see cref="Extinf"/> seconds, and a master with <see cref="Bandwidth"/>. The defaults are valid. With
/// <see cref="AudioTracks"/>, the variant plays an <c>EXT-X-MEDIA</c> audio group of those renditions, each with
/// segments of 100 bytes a second (800 bit/s, so BANDWIDTH 8800 covers both).
/// </summary>
public sealed record SyntheticOutput
{
    public const string Prefix = "media/x/";

    public double[] Extinf { get; init; } = [1, 1, 1];

    public long[] SegmentBytes { get; init; } = [1000, 1000, 1000];

    public int TargetDuration { get; init; } = 1;

    public bool EndList { get; init; } = true;

    public string FirstLine { get; init; } = "#EXTM3U";

    /// <summary>1000 bytes a second is 8000 bit/s.</summary>
    public long Bandwidth { get; init; } = 8000;

    public long AverageBandwidth { get; init; } = 8000;

    public string Resolution { get; init; } = "640x360";

    /// <summary>The CODECS attribute's value; null leaves the attribute out.</summary>
    public string? Codecs { get; init; } = "avc1.64001e,mp4a.40.2";

    public bool PosterWritten { get; init; } = true;

    /// <summary>Index of a segment whose file is not written, -1 for none.</summary>
    public int MissingSegment { get; init; } = -1;

    public double ProbedSeconds { get; init; } = 3;

    /// <summary>The audio group's renditions (<c>audio</c>, <c>audio-2</c>...), none for audio muxed into the variant.</summary>
    public string[] AudioTracks { get; init; } = [];

    /// <summary>How many of <see cref="AudioTracks"/>, from the first, say DEFAULT=YES (the manifest agrees).</summary>
    public int DefaultTracks { get; init; } = 1;

    /// <summary>The group the variant's AUDIO names.</summary>
    public string VariantAudioGroup { get; init; } = "group_audio";

    /// <summary>Whether the last audio rendition's playlist is written (and listed in the manifest; the master always lists it).</summary>
    public bool LastAudioTrackWritten { get; init; } = true;

    /// <summary>The manifest's label for the first audio rendition; the master's NAME is "Track 1".</summary>
    public string ManifestLabel { get; init; } = "Track 1";

    public void WriteTo(string folder)
    {
        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = Prefix + "hls/master.m3u8",
            Renditions =
            [
                new Rendition { Name = "360p", Width = 640, Height = 360, PlaylistKey = Prefix + "hls/360p/index.m3u8" },
                .. (LastAudioTrackWritten ? AudioTracks : AudioTracks[..^1]).Select((name, i) => new Rendition
                {
                    Name = name,
                    PlaylistKey = Prefix + $"hls/{name}/index.m3u8",
                    Label = i == 0 ? ManifestLabel : $"Track {i + 1}",
                    IsDefault = i < DefaultTracks,
                }),
            ],
            DurationSeconds = ProbedSeconds,
            PosterKey = Prefix + "poster.jpg",
            ManifestKey = Prefix + "manifest.json",
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(outputs, JsonDefaults.Web));
        if (PosterWritten)
        {
            File.WriteAllBytes(Path.Combine(folder, "poster.jpg"), new byte[10]);
        }

        WritePlaylist(folder, "360p", SegmentBytes, MissingSegment);
        foreach (var name in LastAudioTrackWritten ? AudioTracks : AudioTracks[..^1])
        {
            WritePlaylist(folder, name, [.. Extinf.Select(seconds => (long)(seconds * 100))], missingSegment: -1);
        }

        var media = string.Concat(AudioTracks.Select((name, i) =>
            $"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_audio\",NAME=\"Track {i + 1}\",DEFAULT={(i < DefaultTracks ? "YES" : "NO")},AUTOSELECT=YES,URI=\"{name}/index.m3u8\"\n"));
        var audio = AudioTracks.Length > 0 ? $",AUDIO=\"{VariantAudioGroup}\"" : "";
        File.WriteAllText(Path.Combine(folder, "hls", "master.m3u8"), string.Create(CultureInfo.InvariantCulture,
            $"{FirstLine}\n#EXT-X-VERSION:6\n{media}#EXT-X-STREAM-INF:BANDWIDTH={Bandwidth},AVERAGE-BANDWIDTH={AverageBandwidth},RESOLUTION={Resolution}{(Codecs is null ? "" : $",CODECS=\"{Codecs}\"")}{audio}\n360p/index.m3u8\n"));
    }

    private void WritePlaylist(string folder, string name, long[] segmentBytes, int missingSegment)
    {
        Directory.CreateDirectory(Path.Combine(folder, "hls", name));
        var playlist = string.Create(CultureInfo.InvariantCulture, $"#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:{TargetDuration}\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < Extinf.Length; i++)
        {
            playlist += string.Create(CultureInfo.InvariantCulture, $"#EXTINF:{Extinf[i]:0.000000},\nsegment_{i}.ts\n");
            if (i != missingSegment)
            {
                File.WriteAllBytes(Path.Combine(folder, "hls", name, $"segment_{i}.ts"), new byte[segmentBytes[i]]);
            }
        }

        File.WriteAllText(Path.Combine(folder, "hls", name, "index.m3u8"), playlist + (EndList ? "#EXT-X-ENDLIST\n" : ""));
    }
}
