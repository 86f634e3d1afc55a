namespace Transcoding.Testing.Chaos;

/// <summary>
/// The shares of requests <see cref="CallbackProxy"/> drops, duplicates and delays (each a fraction from 0 to 1, their
/// sum at most 1; the rest are forwarded untouched), decided in arrival order by a <see cref="Random"/> seeded with
/// <see cref="Seed"/>. Issue 15's run: 30 % dropped, some delivered three times at once, others delayed past later ones.
/// </summary>
public sealed class CallbackProxyOptions
{
    public double DropShare { get; init; }

    public double DuplicateShare { get; init; }

    /// <summary>How many identical copies a duplicated request becomes, at least 2.</summary>
    public int Copies { get; init; } = 3;

    public double DelayShare { get; init; }

    /// <summary>How long a delayed request is held before it is sent on. Past the caller's own timeout (10 s per attempt
    /// for the worker's `CallbackDelivery`) the caller retries, and the late copy still arrives.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    public int Seed { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A share outside 0..1, shares summing over 1, fewer than 2 copies,
    /// or a negative delay.</exception>
    public void Validate()
    {
        foreach (var (name, share) in new[] { (nameof(DropShare), DropShare), (nameof(DuplicateShare), DuplicateShare), (nameof(DelayShare), DelayShare) })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new ArgumentOutOfRangeException(name, share, "A share is a fraction from 0 to 1.");
            }
        }

        if (DropShare + DuplicateShare + DelayShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DropShare), DropShare + DuplicateShare + DelayShare, "The shares dropped, duplicated and delayed sum to more than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Copies, 2, nameof(Copies));
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, TimeSpan.Zero, nameof(Delay));
    }
}
