using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

public sealed class When_a_fault_input_address_is_read
{
    [Theory]
    [InlineData("rabbitmq://localhost/production/transcode-state", "transcode-state")]
    [InlineData("rabbitmq://127.0.0.1:5672/transcode-state", "transcode-state")]
    [InlineData("rabbitmq://broker/vh/dispatch-transcode?bind=true&durable=true", "dispatch-transcode")]
    [InlineData("rabbitmqs://broker.example.com/vh/dispatch-transcode", "dispatch-transcode")]
    [InlineData("rabbitmq://broker/vh/Transcoding.Contracts%3AMediaUploaded", "Transcoding.Contracts:MediaUploaded")]
    [InlineData("rabbitmq://broker/vh/", "vh")]
    [InlineData("rabbitmq://broker/", null)]
    [InlineData("rabbitmq://broker/a/b/c", null)]
    [InlineData("loopback://localhost/transcode-state", null)]
    [InlineData("queue:transcode-state", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_queue_name_is_its_last_segment(string? address, string? queue) =>
        Assert.Equal(queue, FaultAddress.QueueName(address));
}
