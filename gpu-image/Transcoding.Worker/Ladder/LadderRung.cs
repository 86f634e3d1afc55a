using System.ComponentModel.DataAnnotations;

namespace Transcoding.Worker.Ladder;

/// <summary>One configured rung, sized by its SHORT side so portrait sources get the same ladder as landscape ones.</summary>
public sealed class LadderRung
{
    [Required]
    public string Name { get; set; } = "";

    [Range(16, 4320)]
    public int ShortSide { get; set; }

    [Range(50, 100_000)]
    public int VideoBitrateKbps { get; set; }

    public static IReadOnlyList<LadderRung> Defaults { get; } =
    [
        new() { Name = "1080p", ShortSide = 1080, VideoBitrateKbps = 5000 },
        new() { Name = "720p", ShortSide = 720, VideoBitrateKbps = 2500 },
        new() { Name = "480p", ShortSide = 480, VideoBitrateKbps = 1000 },
        new() { Name = "360p", ShortSide = 360, VideoBitrateKbps = 600 },
    ];
}
