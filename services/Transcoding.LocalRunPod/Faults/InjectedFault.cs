namespace Transcoding.LocalRunPod.Faults;

/// <summary>A fault in force: <see cref="Status"/> for <see cref="Share"/> of the public API's requests until <see cref="Until"/>.</summary>
public sealed record InjectedFault(int Status, double Share, DateTimeOffset Until, int RetryAfterSeconds);
