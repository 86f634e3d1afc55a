using Transcoding.Worker.Ladder;

namespace Transcoding.Benchmarks;

/// <summary>
/// The baseline of the <c>bits-vs-fixed-ladder-*</c> rows: the conventional fixed-bitrate ladder (issue 16: x264 with
/// <c>-b:v</c> 5000/2500/1000/600k at 1080/720/480/360p), encoded with the worker's own arguments for everything
/// else (preset, GOP, forced key frames, HLS segmenting), so only the rate control differs.
/// </summary>
public static class FixedBitrateLadder
{
    /// <summary>The rungs by short side, kbps from issue 16 (independent of the worker's configured ladder).</summary>
    public static IReadOnlyList<LadderRung> Rungs { get; } =
    [
        new() { Name = "1080p", ShortSide = 1080, VideoBitrateKbps = 5000 },
        new() { Name = "720p", ShortSide = 720, VideoBitrateKbps = 2500 },
        new() { Name = "480p", ShortSide = 480, VideoBitrateKbps = 1000 },
        new() { Name = "360p", ShortSide = 360, VideoBitrateKbps = 600 },
    ];

    /// <summary>
    /// The worker's libx264 ladder arguments with its capped CRF (<c>-crf</c> and every <c>-maxrate*</c>/<c>-bufsize*</c>
    /// with its value) replaced by <c>-b:v:{i} {kbps}k</c> per rung of <paramref name="rungs"/>, where <c>-crf</c> was.
    /// </summary>
    /// <exception cref="ArgumentException">No <c>-crf</c> in <paramref name="workerArguments"/> (not the libx264 path).</exception>
    public static IReadOnlyList<string> Arguments(IReadOnlyList<string> workerArguments, IReadOnlyList<PlannedRung> rungs)
    {
        var crf = workerArguments.ToList().IndexOf("-crf");
        if (crf < 0)
        {
            throw new ArgumentException("The worker's arguments have no -crf: only its libx264 ladder has a fixed-bitrate counterpart.", nameof(workerArguments));
        }

        var bitrates = rungs.SelectMany((rung, i) => new[] { $"-b:v:{i}", $"{rung.VideoBitrateKbps}k" });
        var result = new List<string>();
        for (var i = 0; i < workerArguments.Count; i++)
        {
            var argument = workerArguments[i];
            if (i == crf)
            {
                result.AddRange(bitrates);
                i++; // its value
            }
            else if (argument.StartsWith("-maxrate", StringComparison.Ordinal) || argument.StartsWith("-bufsize", StringComparison.Ordinal))
            {
                i++;
            }
            else
            {
                result.Add(argument);
            }
        }

        return result;
    }
}
