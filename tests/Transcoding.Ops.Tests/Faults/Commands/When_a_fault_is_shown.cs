using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_a_fault_is_shown : FaultyServiceTest
{
    [Fact]
    public async Task Its_fault_headers_and_body_are_shown()
    {
        var ids = await Service.FaultAsync(2);

        var run = await OpsAsync("faults", "show", ids[0].ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var message = Assert.Single(run.JsonRoot.EnumerateArray());
        Assert.Equal(ids[0].ToString(), message.GetProperty("messageId").GetString());
        Assert.Equal("System.InvalidOperationException", message.GetProperty("exceptionType").GetString());
        Assert.Equal("probe 0 cannot be processed yet", message.GetProperty("exceptionMessage").GetString());
        Assert.EndsWith($"/{Host.Name}/{FaultyService.Queue}", message.GetProperty("inputAddress").GetString());
        Assert.Equal("fault", message.GetProperty("reason").GetString());
        Assert.Contains("ProbeConsumer", message.GetProperty("stackTrace").GetString());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("faultedAt").GetString()));
        Assert.True(message.GetProperty("headers").TryGetProperty("MT-Fault-ExceptionType", out _));
        Assert.Equal("utf-8", message.GetProperty("bodyEncoding").GetString());
        Assert.Contains("\"number\": 0", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task People_get_the_headers_and_the_body()
    {
        var ids = await Service.FaultAsync(1);

        var run = await OpsAsync("faults", "show", ids[0].ToString());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("MT-Fault-StackTrace", run.Console);
        Assert.Contains("MT-Fault-InputAddress", run.Console);
        Assert.Contains("\"number\": 0", run.Console);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        await Service.FaultAsync(1);

        var run = await OpsAsync("faults", "show", Guid.NewGuid().ToString());

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no faulted message", run.Error);
    }
}
