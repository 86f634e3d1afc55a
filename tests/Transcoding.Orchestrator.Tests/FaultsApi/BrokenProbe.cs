namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary>The message <see cref="BrokenConsumer"/> fails on.</summary>
public sealed record BrokenProbe(int Number);
