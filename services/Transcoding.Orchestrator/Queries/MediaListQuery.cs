namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// One page request of <c>GET /media</c>, validated (<see cref="StatusApi.MediaQueryParameters"/>).
/// <see cref="State"/> is a <see cref="Saga.MediaStates"/> name or null for all; <see cref="FailureCode"/> selects failed
/// items with that code (the state is then <c>failed</c>); <see cref="UpdatedSince"/> keeps items whose last transition
/// is at or after it; <see cref="Limit"/> is 1 to <see cref="MaxLimit"/>; <see cref="After"/> is the key of the
/// previous page's last item.
/// </summary>
public sealed record MediaListQuery(string? State, string? FailureCode, DateTimeOffset? UpdatedSince, int Limit, MediaCursor? After)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;
}
