using System.Text;
using RabbitMQ.Client;
using Transcoding.Faults;

namespace Transcoding.Ops.Tests.Faults;

/// <summary>Faulted messages as MassTransit writes them, for the pure tests.</summary>
public static class FaultedMessages
{
    public static FaultedMessage Create(
        string exceptionType = "System.InvalidOperationException",
        string messageType = "urn:message:Transcoding.Contracts:DispatchTranscode",
        string queue = "dispatch-transcode_error",
        string? messageId = null,
        string? faultedAt = "2026-11-25T01:00:00.0000000Z",
        string? inputAddress = "rabbitmq://localhost/vh/dispatch-transcode",
        string message = "boom") =>
        new(queue, 0, new BasicProperties
        {
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            CorrelationId = "corr-1",
            ContentType = "application/vnd.masstransit+json",
            Type = "should-not-win-over-the-header",
            Headers = new Dictionary<string, object?>
            {
                [FaultHeaders.ExceptionType] = Encoding.UTF8.GetBytes(exceptionType),
                [FaultHeaders.MessageType] = Encoding.UTF8.GetBytes(messageType),
                [FaultHeaders.Message] = Encoding.UTF8.GetBytes(message),
                [FaultHeaders.Timestamp] = faultedAt is null ? null : Encoding.UTF8.GetBytes(faultedAt),
                [FaultHeaders.InputAddress] = inputAddress is null ? null : Encoding.UTF8.GetBytes(inputAddress),
                [FaultHeaders.Reason] = Encoding.UTF8.GetBytes("fault"),
                ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("worker-1"),
                ["Content-Type"] = Encoding.UTF8.GetBytes("application/vnd.masstransit+json"),
            },
        }, Encoding.UTF8.GetBytes("""{"messageId":"x","message":{"mediaId":"y"}}"""));
}
