using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

public sealed class When_faults_are_grouped
{
    [Theory]
    [InlineData("System.InvalidOperationException", "urn:message:A", "System.InvalidOperationException", "urn:message:A", true)]
    [InlineData("System.InvalidOperationException", "urn:message:A", "System.ArgumentException", "urn:message:A", false)]
    [InlineData("System.InvalidOperationException", "urn:message:A", "System.InvalidOperationException", "urn:message:B", false)]
    [InlineData("ab", "c", "a", "bc", false)]
    public void The_group_id_depends_on_exception_type_and_message_type_only(string exception1, string type1, string exception2, string type2, bool same) =>
        Assert.Equal(same, FaultGroupId.For(exception1, type1) == FaultGroupId.For(exception2, type2));

    [Fact]
    public void The_group_id_is_stable_across_runs_and_machines() =>
        Assert.Equal("592890b0", FaultGroupId.For("System.TimeoutException", "urn:message:Transcoding.Contracts:DispatchTranscode"));

    [Fact]
    public void Groups_count_their_messages_and_queues_largest_first()
    {
        FaultedMessage[] messages =
        [
            FaultedMessages.Create(queue: "a_error", faultedAt: "2026-11-25T01:00:02Z"),
            FaultedMessages.Create(exceptionType: "System.TimeoutException"),
            FaultedMessages.Create(queue: "b_error", faultedAt: "2026-11-25T01:00:01Z"),
            FaultedMessages.Create(queue: "a_error", faultedAt: "2026-11-25T01:00:03Z"),
        ];

        var groups = FaultGrouping.Group(messages);

        Assert.Equal([3, 1], groups.Select(g => g.Count));
        var largest = groups[0];
        Assert.Equal(messages[0].GroupId, largest.Id);
        Assert.Equal("System.InvalidOperationException", largest.ExceptionType);
        Assert.Equal("urn:message:Transcoding.Contracts:DispatchTranscode", largest.MessageType);
        Assert.Equal(["a_error", "b_error"], largest.Queues);
        Assert.Equal("2026-11-25T01:00:01Z", largest.FirstFaultedAt);
        Assert.Equal("2026-11-25T01:00:03Z", largest.LastFaultedAt);
        Assert.Equal("boom", largest.ExampleMessage);
    }

    [Fact]
    public void Nothing_to_group_gives_no_groups() => Assert.Empty(FaultGrouping.Group([]));
}
