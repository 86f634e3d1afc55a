using System.Globalization;

namespace Transcoding.Faults;

/// <summary>
/// How fast a replay may put messages back (<see cref="FaultOperations.ReplayAsync"/>): at most a number of messages
/// per second, so a service that just recovered is not flooded. Shared by <c>ops faults replay --rate</c> (0, its
/// default, means no limit) and <c>POST /faults/replay?rate=</c> (absent means no limit, as in the CLI).
/// </summary>
public static class ReplayRate
{
    /// <summary>
    /// The lowest rate accepted, in messages per second: one message per 1,000 s (about 17 minutes). Slower is no longer
    /// pacing but a replay that outlives any request or terminal; and every pause from an accepted rate then fits
    /// <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> (at most about 49 days) and <see cref="TimeSpan"/>,
    /// where a rate such as 1e-9 would fail after its first message and 1e-12 before any.
    /// </summary>
    public const double MinPerSecond = 0.001;

    /// <summary>The highest rate accepted, in messages per second: above it a replay is no faster (one confirmed publish each).</summary>
    public const double MaxPerSecond = 1000;

    public static readonly string OutOfRange = string.Create(
        CultureInfo.InvariantCulture, $"rate is messages per second: a number from {MinPerSecond} to {MaxPerSecond}");

    /// <summary>Null when <paramref name="perSecond"/> is a rate (from <see cref="MinPerSecond"/> to <see cref="MaxPerSecond"/>), else <see cref="OutOfRange"/>.</summary>
    public static string? Problem(double perSecond) => perSecond is >= MinPerSecond and <= MaxPerSecond ? null : OutOfRange;

    /// <summary>
    /// The pause between two replays for a rate written as text (invariant culture, e.g. <c>2.5</c>); absent:
    /// <see cref="TimeSpan.Zero"/> (no limit). The error is <see cref="OutOfRange"/> for anything else (not a number,
    /// 0, negative, infinite, below <see cref="MinPerSecond"/>, above <see cref="MaxPerSecond"/>).
    /// </summary>
    public static (TimeSpan Pause, string? Error) Parse(string? text)
    {
        if (text is null)
        {
            return (TimeSpan.Zero, null);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && Problem(perSecond) is null
            ? (Pause(perSecond), null)
            : (TimeSpan.Zero, OutOfRange);
    }

    /// <summary>The pause between two replays at <paramref name="perSecond"/> messages per second (a rate <see cref="Problem"/> accepts); 0: none.</summary>
    public static TimeSpan Pause(double perSecond) => perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
}
