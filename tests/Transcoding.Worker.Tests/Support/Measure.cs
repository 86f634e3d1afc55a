using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// What ffmpeg's analysis filters and ffprobe's packet lists measure on a file or a playlist: interlacing (idet),
/// brightness (signalstats), loudness (volumedetect), timing (packet timestamps). Values, not verdicts.
/// </summary>
public static partial class Measure
{
    /// <summary>idet's multi-frame verdicts, frame counts.</summary>
    public sealed record Fields(int Tff, int Bff, int Progressive, int Undetermined)
    {
        public int Interlaced => Tff + Bff;

        public int Frames => Tff + Bff + Progressive + Undetermined;

        public override string ToString() => $"TFF {Tff}, BFF {Bff}, progressive {Progressive}, undetermined {Undetermined}";
    }

    /// <summary>Mean of signalstats' per-frame luma average and its 10th/90th percentiles (YLOW/YHIGH), 8-bit codes.</summary>
    public sealed record Loudness(double Mean, double Max);

    public sealed record Luma(double Average, double Low, double High)
    {
        /// <summary>YHIGH − YLOW: small when the picture is washed out (lifted blacks, dim whites).</summary>
        public double Spread => High - Low;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"YAVG {Average:0.#}, YLOW {Low:0.#}, YHIGH {High:0.#}");
    }

    public static async Task<Fields> IdetAsync(string path)
    {
        var result = await Tool.RunAsync("ffmpeg", ["-hide_banner", "-nostats", "-nostdin", "-i", path, "-map", "0:v:0", "-vf", "idet", "-f", "null", "-"]);
        var match = IdetLine().Match(result.StandardError);
        Assert.True(result.ExitCode == 0 && match.Success, $"idet on {path}: {result.StandardError}");
        return new Fields(Int(match, "tff"), Int(match, "bff"), Int(match, "progressive"), Int(match, "undetermined"));
    }

    /// <summary>Measured on 8-bit 4:2:0 (a 10-bit source converted the way a player's 8-bit path would).</summary>
    public static async Task<Luma> LumaAsync(string path)
    {
        var text = await Tool.OutputAsync("ffmpeg", "-v", "error", "-nostdin", "-i", path, "-map", "0:v:0", "-vf", "format=yuv420p,signalstats,metadata=print:file=-", "-f", "null", "-");
        var values = text.Split('\n')
            .Select(line => line.Trim().Split('='))
            .Where(pair => pair.Length == 2 && pair[0].StartsWith("lavfi.signalstats.Y", StringComparison.Ordinal))
            .GroupBy(pair => pair[0]["lavfi.signalstats.".Length..], pair => double.Parse(pair[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Average());
        return new Luma(values["YAVG"], values["YLOW"], values["YHIGH"]);
    }

    /// <summary>volumedetect over the first audio stream: mean and peak volume, dBFS (digital silence is about -91 dB).</summary>
    public static async Task<Loudness> VolumeAsync(string path)
    {
        var result = await Tool.RunAsync("ffmpeg", ["-hide_banner", "-nostats", "-nostdin", "-i", path, "-map", "0:a:0", "-af", "volumedetect", "-f", "null", "-"]);
        var mean = VolumeLine().Match(result.StandardError);
        var max = mean.NextMatch();
        Assert.True(result.ExitCode == 0 && mean.Success && max.Success, $"volumedetect on {path}: {result.StandardError}");
        return new Loudness(Db(mean), Db(max));

        static double Db(Match match) => double.Parse(match.Groups["db"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Each packet's presentation time and duration, seconds, in presentation order (a playlist reads all its
    /// segments; ffprobe then adds a field to each line, so only the first two are read).
    /// </summary>
    public static async Task<List<(double Pts, double Duration)>> PacketsAsync(string path, string selector)
    {
        var text = await Tool.OutputAsync("ffprobe", "-v", "error", "-select_streams", selector, "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", path);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(','))
            .Where(fields => double.TryParse(fields[0], CultureInfo.InvariantCulture, out _))
            .Select(fields => (double.Parse(fields[0], CultureInfo.InvariantCulture), fields.Length > 1 && double.TryParse(fields[1], CultureInfo.InvariantCulture, out var d) ? d : 0))
            .OrderBy(p => p.Item1)];
    }

    /// <summary>Frames per second as written: frame count over the time from the first to the last frame.</summary>
    public static async Task<double> FramesPerSecondAsync(string path)
    {
        var packets = await PacketsAsync(path, "v:0");
        Assert.True(packets.Count > 1, $"{path} has fewer than two video frames");
        return (packets.Count - 1) / (packets[^1].Pts - packets[0].Pts);
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Multi frame detection: TFF:\s*(?<tff>\d+)\s*BFF:\s*(?<bff>\d+)\s*Progressive:\s*(?<progressive>\d+)\s*Undetermined:\s*(?<undetermined>\d+)")]
    private static partial Regex IdetLine();

    [GeneratedRegex(@"(mean|max)_volume:\s*(?<db>-?[\d.]+) dB")]
    private static partial Regex VolumeLine();
}
