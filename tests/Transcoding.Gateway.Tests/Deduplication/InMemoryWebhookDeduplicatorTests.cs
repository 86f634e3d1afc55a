using Transcoding.Gateway.Deduplication;

namespace Transcoding.Gateway.Tests.Deduplication;

public sealed class InMemoryWebhookDeduplicatorTests : WebhookDeduplicatorContract
{
    public InMemoryWebhookDeduplicatorTests() => Store = new InMemoryWebhookDeduplicator(Time);

    protected override IWebhookDeduplicator Store { get; }
}
