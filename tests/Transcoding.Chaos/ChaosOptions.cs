using System.Globalization;

namespace Transcoding.Chaos;

/// <summary>
/// One run's settings, from the command line:
/// <c>[--seed N] [--short] [--load] [--duration SECONDS] [--interval SECONDS] [--items N] [--in-flight N] [--bad-every N] [--workers N] [--drain-timeout SECONDS] [--output FILE]</c>.
/// </summary>
/// <param name="Seed">Seeds the fault schedule (<see cref="Random"/>); the same seed plans the same faults at the same offsets.</param>
/// <param name="Profile">"faults", "faults, short", "load" or "load, short", as written in CHAOS.md.</param>
/// <param name="Load">The load run (<c>make chaos LOAD=1</c>): the local RunPod endpoint completes jobs itself (no
/// worker), and items are pushed as fast as the system takes them, at most <paramref name="InFlight"/> not yet ended.</param>
/// <param name="Duration">How long items are uploaded; faults are planned inside this window.</param>
/// <param name="Interval">Time between two uploads (the steady rate is its inverse); not used by the load run.</param>
/// <param name="MaxItems">The load run's upper bound on items (it stops at the end of <paramref name="Duration"/> too).</param>
/// <param name="InFlight">The load run's bound on items uploaded whose outcome was not yet received downstream.</param>
/// <param name="BadEvery">Every n-th item is a file that is not media and must fail permanently.</param>
/// <param name="Workers">Real worker processes behind the local RunPod endpoint.</param>
/// <param name="DrainTimeout">How long, after the last upload, every item has to reach a terminal state.</param>
/// <param name="Output">Where the report is written.</param>
public sealed record ChaosOptions(
    int Seed, string Profile, bool Load, TimeSpan Duration, TimeSpan Interval, int MaxItems, int InFlight, int BadEvery, int Workers, TimeSpan DrainTimeout, string Output)
{
    public const string Usage =
        "usage: Transcoding.Chaos [--seed N] [--short] [--load] [--duration SECONDS] [--interval SECONDS] [--items N] [--in-flight N] [--bad-every N] [--workers N] [--drain-timeout SECONDS] [--output FILE]";

    /// <summary>Items uploaded by the fault run: one per <see cref="Interval"/> through <see cref="Duration"/>; the load
    /// run's upper bound, <see cref="MaxItems"/>.</summary>
    public int Items => Load ? MaxItems : Math.Max(1, (int)(Duration / Interval));

    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or a value out of range.</exception>
    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var isShort = args.Contains("--short");
        var load = args.Contains("--load");
        // Short: a few dozen items in about two minutes (the make-test version); full: several minutes. The load run
        // pushes a few thousand through the same window.
        var options = new ChaosOptions(
            Seed: Random.Shared.Next(1, 1_000_000),
            Profile: (load ? "load" : "faults") + (isShort ? ", short" : ""),
            Load: load,
            Duration: TimeSpan.FromSeconds(isShort ? 75 : 240),
            Interval: TimeSpan.FromSeconds(isShort ? 2.5 : 3),
            MaxItems: isShort ? 500 : 5000,
            InFlight: 200,
            BadEvery: 6,
            Workers: 3,
            DrainTimeout: TimeSpan.FromMinutes(isShort ? 4 : 8),
            Output: "CHAOS.md");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--short" or "--load")
            {
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i - 1] switch
            {
                "--seed" => options with { Seed = Number(value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number(value)) },
                "--interval" => options with { Interval = Seconds(value) },
                "--items" => options with { MaxItems = Number(value) },
                "--in-flight" => options with { InFlight = Number(value) },
                "--bad-every" => options with { BadEvery = Number(value) },
                "--workers" => options with { Workers = Number(value) },
                "--drain-timeout" => options with { DrainTimeout = TimeSpan.FromSeconds(Number(value)) },
                "--output" => options with { Output = value },
                _ => throw new ArgumentException($"unknown option {args[i - 1]}. {Usage}"),
            };
        }

        if (options.Duration <= TimeSpan.Zero || options.Interval <= TimeSpan.Zero || options.BadEvery < 2 || options.Workers is < 1 or > 16 || options.DrainTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"duration, interval and drain timeout must be positive, bad-every at least 2, workers 1 to 16. {Usage}");
        }

        return options;
    }

    // Bounded like the whole-second options: a malformed or out-of-range value is a usage error, not a crash.
    private static TimeSpan Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= int.MaxValue
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"'{value}' is not a positive number of seconds. {Usage}");

    private static int Number(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number. {Usage}");
}
