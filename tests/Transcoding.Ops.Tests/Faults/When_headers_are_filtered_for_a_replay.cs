using System.Text;
using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

public sealed class When_headers_are_filtered_for_a_replay
{
    [Theory]
    [InlineData("MT-Fault-ExceptionType", true)]
    [InlineData("MT-Fault-Message", true)]
    [InlineData("MT-Fault-StackTrace", true)]
    [InlineData("MT-Fault-InputAddress", true)]
    [InlineData("MT-Fault-Timestamp", true)]
    [InlineData("MT-Fault-RetryCount", true)]
    [InlineData("MT-Fault-ConsumerType", true)]
    [InlineData("MT-Fault-MessageType", true)]
    [InlineData("mt-fault-message", true)]
    [InlineData("MT-Reason", true)]
    [InlineData("MT-Host-MachineName", true)]
    [InlineData("MT-Host-MassTransitVersion", true)]
    [InlineData("Content-Type", false)]
    [InlineData("MT-Activity-Id", false)]
    [InlineData("MT-Redelivery-Count", false)]
    [InlineData("tenant", false)]
    [InlineData("MT-Reasons", false)]
    public void Only_headers_about_the_failure_are_fault_headers(string name, bool isFault) =>
        Assert.Equal(isFault, FaultHeaders.IsFaultHeader(name));

    [Fact]
    public void The_other_headers_keep_their_values_untouched()
    {
        var bytes = Encoding.UTF8.GetBytes("application/vnd.masstransit+json");
        var headers = new Dictionary<string, object?>
        {
            ["Content-Type"] = bytes,
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("boom"),
            ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
            ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("worker-1"),
            ["priority-hint"] = 7,
        };

        var kept = FaultHeaders.WithoutFaultHeaders(headers);

        Assert.Equal(["Content-Type", "priority-hint"], kept.Keys.Order());
        Assert.Same(bytes, kept["Content-Type"]);
        Assert.Equal(7, kept["priority-hint"]);
    }

    [Fact]
    public void No_headers_give_an_empty_table() => Assert.Empty(FaultHeaders.WithoutFaultHeaders(null));

    [Theory]
    [InlineData(new byte[] { 0x62, 0x6f, 0x6f, 0x6d }, "boom")]
    [InlineData(3, "3")]
    [InlineData(2.5, "2.5")]
    [InlineData(null, null)]
    public void Header_values_read_as_text(object? value, string? text) =>
        Assert.Equal(text, FaultHeaders.Text(new Dictionary<string, object?> { ["h"] = value }, "h"));
}
