namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>The message the faulting service consumes; even numbers fail one way, odd numbers another.</summary>
public sealed record Probe(int Number)
{
    /// <summary>The number of a marker: never fails, and is recorded apart from the probes.</summary>
    public const int Marker = -1;
}
