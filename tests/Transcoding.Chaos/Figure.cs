namespace Transcoding.Chaos;

/// <summary>One row of CHAOS.md's table.</summary>
/// <param name="Verdict">Whether the "must be" held; a must-be that could not be measured fails the run.</param>
public sealed record Figure(string Name, string MustBe, string Measured, Verdict Verdict);
