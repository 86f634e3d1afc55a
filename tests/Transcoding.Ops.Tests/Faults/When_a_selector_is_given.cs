using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

public sealed class When_a_selector_is_given
{
    [Theory]
    [InlineData("id-1", null, null, false, SelectorKind.Id, "id-1")]
    [InlineData(null, "orders", null, false, SelectorKind.Queue, "orders")]
    [InlineData(null, null, "0F1A7C0E", false, SelectorKind.Group, "0f1a7c0e")]
    [InlineData(null, null, null, true, SelectorKind.All, "")]
    [InlineData(" id-1 ", "", "  ", false, SelectorKind.Id, "id-1")]
    public void Exactly_one_selector_is_accepted(string? id, string? queue, string? group, bool all, SelectorKind kind, string value)
    {
        var (selector, error) = FaultSelector.From(id, queue, group, all);

        Assert.Null(error);
        Assert.Equal(new FaultSelector(kind, value), selector);
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("id-1", "orders", null, false)]
    [InlineData(null, "orders", null, true)]
    [InlineData("id-1", null, "g", true)]
    public void None_or_several_is_a_usage_error(string? id, string? queue, string? group, bool all)
    {
        var (selector, error) = FaultSelector.From(id, queue, group, all);

        Assert.Null(selector);
        Assert.Contains("exactly one", error);
    }

    [Theory]
    [InlineData(SelectorKind.Queue, "dispatch-transcode", true)]
    [InlineData(SelectorKind.Queue, "dispatch-transcode_error", true)]
    [InlineData(SelectorKind.Queue, "dispatch", false)]
    [InlineData(SelectorKind.Id, "AAAAAAAA-0000-0000-0000-000000000001", true)]
    [InlineData(SelectorKind.Id, "aaaaaaaa-0000-0000-0000-000000000002", false)]
    [InlineData(SelectorKind.Group, "GROUP", false)]
    [InlineData(SelectorKind.All, "", true)]
    public void A_message_matches_by_id_queue_group_or_all(SelectorKind kind, string value, bool matches)
    {
        var message = FaultedMessages.Create(queue: "dispatch-transcode_error", messageId: "aaaaaaaa-0000-0000-0000-000000000001");

        Assert.Equal(matches, new FaultSelector(kind, value).Matches(message));
    }

    [Fact]
    public void A_group_selector_matches_its_group() =>
        Assert.True(new FaultSelector(SelectorKind.Group, FaultedMessages.Create().GroupId).Matches(FaultedMessages.Create()));

    [Theory]
    [InlineData(SelectorKind.Queue, "b", new[] { "b_error" })]
    [InlineData(SelectorKind.Queue, "b_error", new[] { "b_error" })]
    [InlineData(SelectorKind.Queue, "c", new string[0])]
    [InlineData(SelectorKind.All, "", new[] { "a_error", "b_error" })]
    [InlineData(SelectorKind.Id, "x", new[] { "a_error", "b_error" })]
    public void Only_the_named_error_queue_is_read_for_a_queue_selector(SelectorKind kind, string value, string[] read) =>
        Assert.Equal(read, new FaultSelector(kind, value).QueuesToRead(["a_error", "b_error"]));

    [Theory]
    [InlineData("orders_error", true)]
    [InlineData("orders", false)]
    [InlineData("orders_error_skipped", false)]
    [InlineData("orders_skipped", false)]
    public void Error_queues_are_the_ones_ending_in_error(string queue, bool isError) =>
        Assert.Equal(isError, FaultSelector.IsErrorQueue(queue));
}
