namespace Transcoding.LocalRunPod.Faults;

/// <summary>
/// The body of <c>POST /admin/faults</c>: answer <see cref="Status"/> (429 or 500) to a <see cref="Share"/> (0 to 1) of
/// the public API's requests for <see cref="DurationSeconds"/> from now or until <see cref="Until"/> (one of the two);
/// a 429 carries <c>Retry-After: </c><see cref="RetryAfterSeconds"/> (default 1).
/// </summary>
public sealed record FaultRequest(int? Status, double? Share, double? DurationSeconds, DateTimeOffset? Until, int? RetryAfterSeconds);
