namespace Transcoding.Worker.Ladder;

/// <summary>A rung as it will be encoded for one source: exact output size (even, display orientation).</summary>
public sealed record PlannedRung(string Name, int Width, int Height, int VideoBitrateKbps);
