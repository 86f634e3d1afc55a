namespace Transcoding.Chaos.Tests;

/// <summary>
/// <see cref="ChaosOptions.Parse"/>: each option sets its value over the profile's default, in any order; anything
/// else is an <see cref="ArgumentException"/> (Program prints it and exits 2).
/// </summary>
public sealed class When_the_command_line_is_parsed
{
    private static readonly ChaosOptions Full = new(
        Seed: 42, Profile: "faults", Load: false, Duration: TimeSpan.FromSeconds(240), Interval: TimeSpan.FromSeconds(3), MaxItems: 5000,
        InFlight: 200, BadEvery: 6, Workers: 3, DrainTimeout: TimeSpan.FromMinutes(8), Output: "CHAOS.md");

    private static readonly ChaosOptions Short = Full with
    {
        Profile = "faults, short",
        Duration = TimeSpan.FromSeconds(75),
        Interval = TimeSpan.FromSeconds(2.5),
        MaxItems = 500,
        DrainTimeout = TimeSpan.FromMinutes(4),
    };

    public static TheoryData<string, ChaosOptions> GoodLines => new()
    {
        { "--seed 42", Full },
        { "--seed 42 --short", Short },
        { "--short --seed 42", Short },
        { "--seed 42 --load", Full with { Profile = "load", Load = true } },
        { "--load --short --seed 42", Short with { Profile = "load, short", Load = true } },
        { "--seed 42 --load --items 40 --in-flight 7", Full with { Profile = "load", Load = true, MaxItems = 40, InFlight = 7 } },
        { "--duration 10 --short --seed 42", Short with { Duration = TimeSpan.FromSeconds(10) } },
        {
            "--seed 1 --duration 60 --interval 0.5 --bad-every 2 --workers 16 --drain-timeout 30 --output /tmp/x.md",
            Full with { Seed = 1, Duration = TimeSpan.FromSeconds(60), Interval = TimeSpan.FromSeconds(0.5), BadEvery = 2, Workers = 16, DrainTimeout = TimeSpan.FromSeconds(30), Output = "/tmp/x.md" }
        },
    };

    [Theory]
    [MemberData(nameof(GoodLines))]
    public void A_good_line_sets_each_option_given_over_its_profiles_defaults(string line, ChaosOptions expected) =>
        Assert.Equal(expected, ChaosOptions.Parse(line.Split(' ')));

    [Fact]
    public void Without_a_seed_one_is_drawn_and_the_fault_run_uploads_one_item_per_interval()
    {
        var options = ChaosOptions.Parse([]);

        Assert.InRange(options.Seed, 1, 999_999);
        Assert.Equal(Full, options with { Seed = 42 });
        Assert.Equal(80, options.Items);
    }

    [Fact]
    public void The_load_run_uploads_at_most_its_item_bound()
    {
        Assert.Equal(40, ChaosOptions.Parse(["--load", "--items", "40"]).Items);
    }

    [Theory]
    [InlineData("--bogus", "1")]
    [InlineData("--seed")]
    [InlineData("--seed", "1", "--workers")]
    [InlineData("--seed", "0")]
    [InlineData("--seed", "-3")]
    [InlineData("--seed", "1.5")]
    [InlineData("--seed", "abc")]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "17")]
    [InlineData("--duration", "0")]
    [InlineData("--interval", "0")]
    [InlineData("--interval", "-1")]
    [InlineData("--interval", "abc")]
    [InlineData("--interval", "Infinity")]
    [InlineData("--bad-every", "1")]
    [InlineData("--items", "0")]
    [InlineData("--in-flight", "-1")]
    [InlineData("--drain-timeout", "0")]
    public void A_bad_line_is_an_argument_error_with_the_usage(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => ChaosOptions.Parse(args));

        Assert.Contains(ChaosOptions.Usage, error.Message, StringComparison.Ordinal);
    }
}
