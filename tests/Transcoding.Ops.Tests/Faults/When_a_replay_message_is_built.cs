using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

public sealed class When_a_replay_message_is_built
{
    [Fact]
    public void The_properties_are_the_original_ones_without_fault_headers()
    {
        var message = FaultedMessages.Create(messageId: "aaaaaaaa-0000-0000-0000-000000000001");

        var properties = ReplayMessage.Properties(message);

        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000001", properties.MessageId);
        Assert.Equal("corr-1", properties.CorrelationId);
        Assert.Equal("application/vnd.masstransit+json", properties.ContentType);
        Assert.Equal(message.Properties.Type, properties.Type);
        Assert.Equal(["Content-Type"], properties.Headers!.Keys);
        Assert.NotSame(message.Properties.Headers, properties.Headers);
    }

    [Theory]
    [InlineData("rabbitmq://localhost/vh/dispatch-transcode", "dispatch-transcode", null)]
    [InlineData(null, null, "no MT-Fault-InputAddress header")]
    [InlineData("loopback://localhost/dispatch-transcode", null, "is not a RabbitMQ queue address")]
    public void The_target_is_the_queue_it_faulted_on(string? inputAddress, string? queue, string? error)
    {
        var (target, why) = ReplayMessage.Target(FaultedMessages.Create(inputAddress: inputAddress));

        Assert.Equal(queue, target);
        if (error is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(error, why);
        }
    }
}
