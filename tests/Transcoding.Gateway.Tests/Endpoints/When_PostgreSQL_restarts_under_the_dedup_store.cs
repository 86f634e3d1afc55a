using System.Net;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.ServiceDefaults;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing.Chaos;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>
/// The gateway with its dedup records on a server set of its own while PostgreSQL crashes and stays down: a callback is
/// answered 503 with Retry-After (the worker and RunPod send it again), never a 4xx or an acceptance that loses it; sent
/// again after the restart it is accepted and published once.
/// </summary>
public sealed class When_PostgreSQL_restarts_under_the_dedup_store(TestInfraSet servers) : IClassFixture<TestInfraSet>
{
    private readonly string _secret = WebhookSecret.Generate();

    [Fact]
    public async Task A_callback_during_the_outage_is_answered_503_and_published_once_when_sent_again_after_it()
    {
        var settings = GatewayHost.Settings(_secret, GatewayHost.NewTokenKey());
        settings["Webhooks:DedupConnectionString"] = servers.Environment["TEST_POSTGRES"];
        await using var gateway = await GatewayHost.StartAsync(settings);
        // Pooled connections are open when the crash cuts them.
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.DeliverAsync(Reports.Completed(Guid.NewGuid()), _secret)).StatusCode);
        var mediaId = Guid.NewGuid();
        var delivery = SignedDelivery.Of(Reports.Completed(mediaId), _secret);

        await servers.StopPostgresAsync();
        using (var during = await gateway.SendAsync(delivery.ToRequest()))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailableFilter.RetryAfterSeconds), during.Headers.RetryAfter?.Delta);
        }

        Assert.Empty(gateway.PublishedFor(mediaId));
        await servers.StartPostgresAsync();

        // As the sender does: again after each 503, until accepted. Nothing else is an answer it would act on correctly.
        var answers = new List<HttpStatusCode>();
        await Eventually.Until(async () =>
        {
            using var response = await gateway.SendAsync(delivery.ToRequest());
            answers.Add(response.StatusCode);
            return response.StatusCode;
        }, status => status != HttpStatusCode.ServiceUnavailable, "the callback answered other than 503 after the restart");

        Assert.Equal(HttpStatusCode.NoContent, answers[^1]);
        Assert.Single(gateway.PublishedFor(mediaId));
        using var duplicate = await gateway.SendAsync(delivery.ToRequest());
        Assert.Equal(HttpStatusCode.NoContent, duplicate.StatusCode);
        Assert.Single(gateway.PublishedFor(mediaId));
    }
}
