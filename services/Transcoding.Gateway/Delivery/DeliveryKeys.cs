namespace Transcoding.Gateway.Delivery;

/// <summary>Dedup keys: one per signed delivery, and one per attempt's outcome shared by both routes.</summary>
public static class DeliveryKeys
{
    public static string Webhook(string webhookId) => $"webhook:{webhookId}";

    /// <summary>Set once a completed or failed report of the attempt was published, whichever route brought it.</summary>
    public static string Outcome(Guid mediaId, int attempt) => $"outcome:{mediaId:D}:{attempt}";
}
