using System.Text.Json;
using MassTransit.Serialization;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>
/// A message waiting for delivery: a scheduled message until its due time, or a saga step's publish or send (due at once)
/// written by the step's <see cref="Outbox.PostgresOutbox"/>. The row is the durable part of the scheduler and of the outbox.
/// </summary>
public sealed class ScheduledMessage
{
    /// <summary>The schedule token (<c>ScheduleMessage.CorrelationId</c>), which <c>CancelScheduledMessage.TokenId</c> names;
    /// for a message the outbox delivers at once, its message id.</summary>
    public Guid TokenId { get; set; }

    /// <summary>When the message is due (UTC); also moved forward after a failed send.</summary>
    public DateTime DueTime { get; set; }

    public required string Destination { get; set; }

    /// <summary>Message type URNs of the payload, as MassTransit wrote them (<c>urn:message:Namespace:Type</c>).</summary>
    public required string[] PayloadTypes { get; set; }

    /// <summary>The scheduled message itself, as JSON.</summary>
    public required string Payload { get; set; }

    public Guid? MessageId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }
    public string? SourceAddress { get; set; }
    public string? ResponseAddress { get; set; }
    public string? FaultAddress { get; set; }
    public DateTime? ExpirationTime { get; set; }

    /// <summary>Headers of the scheduled message, as a JSON object.</summary>
    public required string Headers { get; set; }

    /// <summary>Failed send attempts so far.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Headers as stored in <see cref="Headers"/>: one JSON object of name to value.</summary>
    public static string HeadersOf(MassTransit.Headers headers) =>
        JsonSerializer.Serialize(headers.GetAll().ToDictionary(x => x.Key, x => x.Value), SystemTextJsonMessageSerializer.Options);
}
