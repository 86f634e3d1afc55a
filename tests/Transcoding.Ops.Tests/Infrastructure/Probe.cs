namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>The message the faulting service consumes; even numbers fail one way, odd numbers another.</summary>
public sealed record Probe(int Number);
