using System.Globalization;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;

namespace Transcoding.Worker.Tests.Validation;

/// <summary>
/// A one-rendition output folder written from a few numbers: 360p, segments of <see cref="SegmentBytes"/> bytes
/// lasting <see cref="Extinf"/> seconds, and a master with <see cref="Bandwidth"/>. The defaults are valid.
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

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "hls", "360p"));
        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = Prefix + "hls/master.m3u8",
            Renditions = [new Rendition { Name = "360p", Width = 640, Height = 360, PlaylistKey = Prefix + "hls/360p/index.m3u8" }],
            DurationSeconds = ProbedSeconds,
            PosterKey = Prefix + "poster.jpg",
            ManifestKey = Prefix + "manifest.json",
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(outputs, JsonDefaults.Web));
        if (PosterWritten)
        {
            File.WriteAllBytes(Path.Combine(folder, "poster.jpg"), new byte[10]);
        }

        File.WriteAllText(Path.Combine(folder, "hls", "master.m3u8"), string.Create(CultureInfo.InvariantCulture,
            $"{FirstLine}\n#EXT-X-VERSION:6\n#EXT-X-STREAM-INF:BANDWIDTH={Bandwidth},AVERAGE-BANDWIDTH={AverageBandwidth},RESOLUTION={Resolution}{(Codecs is null ? "" : $",CODECS=\"{Codecs}\"")}\n360p/index.m3u8\n"));
        var playlist = string.Create(CultureInfo.InvariantCulture, $"#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:{TargetDuration}\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < Extinf.Length; i++)
        {
            playlist += string.Create(CultureInfo.InvariantCulture, $"#EXTINF:{Extinf[i]:0.000000},\nsegment_{i}.ts\n");
            if (i != MissingSegment)
            {
                File.WriteAllBytes(Path.Combine(folder, "hls", "360p", $"segment_{i}.ts"), new byte[SegmentBytes[i]]);
            }
        }

        File.WriteAllText(Path.Combine(folder, "hls", "360p", "index.m3u8"), playlist + (EndList ? "#EXT-X-ENDLIST\n" : ""));
    }
}
