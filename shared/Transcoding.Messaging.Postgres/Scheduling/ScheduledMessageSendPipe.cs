using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>
/// Sends a stored row as the message that was scheduled: same message, correlation and conversation ids, same headers,
/// same message types, with the stored JSON as the message body (no re-typing, so the scheduler needs no message classes).
/// </summary>
sealed class ScheduledMessageSendPipe(ScheduledMessage row, DateTime now) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        if (row.MessageId is { } messageId)
        {
            context.MessageId = messageId;
        }

        context.CorrelationId = row.CorrelationId;
        context.ConversationId = row.ConversationId;
        context.InitiatorId = row.InitiatorId;
        context.RequestId = row.RequestId;
        context.SourceAddress = ToUri(row.SourceAddress);
        context.ResponseAddress = ToUri(row.ResponseAddress);
        context.FaultAddress = ToUri(row.FaultAddress);
        if (row.ExpirationTime is { } expiration)
        {
            context.TimeToLive = expiration > now ? expiration - now : TimeSpan.FromSeconds(1);
        }

        using (var headers = JsonDocument.Parse(row.Headers))
        {
            foreach (var header in headers.RootElement.EnumerateObject())
            {
                if (ToHeaderValue(header.Value) is { } value)
                {
                    context.Headers.Set(header.Name, value);
                }
            }
        }

        var envelope = new JsonMessageEnvelope
        {
            Message = JsonSerializer.Deserialize<JsonElement>(row.Payload),
            MessageType = row.PayloadTypes,
            Headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            SentTime = now,
        };
        // The envelope takes ids and headers from the send context when the body is written.
        context.Serializer = new SystemTextJsonBodyMessageSerializer(envelope, SystemTextJsonMessageSerializer.JsonContentType,
            SystemTextJsonMessageSerializer.Options, row.PayloadTypes);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateScope("scheduledMessage");

    static Uri? ToUri(string? value) => value is null ? null : new Uri(value);

    // Transports carry primitive header values only; structured values travel as their JSON text.
    static object? ToHeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
