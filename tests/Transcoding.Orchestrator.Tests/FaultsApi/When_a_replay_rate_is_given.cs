using Transcoding.Faults;

namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary>
/// <c>POST /faults/replay?rate=</c> and <c>ops faults replay --rate</c> read a rate through <see cref="ReplayRate"/>:
/// messages per second, from <see cref="ReplayRate.MinPerSecond"/> to <see cref="ReplayRate.MaxPerSecond"/>, turned
/// into the pause between two replays; absent is no limit. Every rate accepted makes a pause a replay can wait.
/// </summary>
public sealed class When_a_replay_rate_is_given
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("2", 500)]
    [InlineData("0.5", 2000)]
    [InlineData("1e3", 1)]
    [InlineData("1000", 1)]
    [InlineData("0.001", 1_000_000)]
    [InlineData("1e-3", 1_000_000)]
    [InlineData("0.002", 500_000)]
    public void A_rate_becomes_the_pause_between_two_replays(string? rate, int pauseMs)
    {
        var (pause, error) = ReplayRate.Parse(rate);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(pauseMs), pause);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("2,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1000.5")]
    [InlineData("1e9")]
    [InlineData("0.000999")]
    [InlineData("0.0009999999")]
    [InlineData("1e-9")]
    [InlineData("1e-12")]
    [InlineData("4.9e-324")]
    public void Anything_else_is_refused_with_what_a_rate_is(string rate) =>
        Assert.Equal(ReplayRate.OutOfRange, ReplayRate.Parse(rate).Error);
}
