using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

public class FfmpegProgressParserTests
{
    [Theory]
    [InlineData(10, new[] { "frame=30", "out_time_us=2500000", "speed=1.2x", "progress=continue" }, 25.0)]
    [InlineData(10, new[] { "out_time_ms=5000000", "progress=continue" }, 50.0)]
    [InlineData(3, new[] { "out_time_us=1000000", "progress=continue" }, 33.3)]
    [InlineData(10, new[] { "out_time_us=N/A", "progress=continue" }, 0.0)]
    [InlineData(10, new[] { "out_time_us=-20000", "progress=continue" }, 0.0)]
    [InlineData(10, new[] { "out_time_us=12000000", "progress=continue" }, 100.0)]
    [InlineData(10, new[] { "out_time_us=2000000", "progress=end" }, 100.0)]
    [InlineData(0, new[] { "out_time_us=2000000", "progress=end" }, 100.0)]
    public void When_a_progress_block_closes_its_percentage_is_reported(double duration, string[] lines, double expected)
    {
        var parser = new FfmpegProgressParser(duration);

        var reported = lines.Select(parser.Feed).ToList();

        Assert.All(reported[..^1], value => Assert.Null(value));
        Assert.Equal(expected, reported[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("=5")]
    [InlineData("bitrate=1000.0kbits/s")]
    public void When_a_line_does_not_close_a_block_nothing_is_reported(string line)
    {
        Assert.Null(new FfmpegProgressParser(10).Feed(line));
    }

    [Fact]
    public void When_the_duration_is_unknown_only_the_end_is_reported()
    {
        var parser = new FfmpegProgressParser(0);

        parser.Feed("out_time_us=2000000");

        Assert.Null(parser.Feed("progress=continue"));
    }
}
