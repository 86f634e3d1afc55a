using System.Net;
using Transcoding.Contracts;
using Transcoding.Gateway.Tests.Infrastructure;

namespace Transcoding.Gateway.Tests.Endpoints;

public sealed class TranscodeWebhookTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task When_a_signed_completion_arrives_TranscodeCompleted_is_published_with_its_outputs()
    {
        var mediaId = Guid.NewGuid();
        var report = Reports.Completed(mediaId, attempt: 2);

        var response = await gateway.Host.DeliverAsync(report, gateway.Secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var completed = Assert.IsType<TranscodeCompleted>(Assert.Single(gateway.Host.PublishedFor(mediaId)));
        Assert.Equal((mediaId, 2, report.JobId), (completed.MediaId, completed.Attempt, completed.JobId));
        Assert.Equal(report.Outputs!.ManifestKey, completed.Outputs.ManifestKey);
        Assert.Equal(report.Outputs.Renditions, completed.Outputs.Renditions);
    }

    [Fact]
    public async Task When_a_signed_failure_arrives_TranscodeFailed_is_published_with_its_reason()
    {
        var mediaId = Guid.NewGuid();

        var response = await gateway.Host.DeliverAsync(Reports.Failed(mediaId), gateway.Secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var failed = Assert.IsType<TranscodeFailed>(Assert.Single(gateway.Host.PublishedFor(mediaId)));
        Assert.Equal(("unsupported_input", "No decodable stream", true), (failed.ErrorCode, failed.ErrorMessage, failed.Permanent));
    }

    [Fact]
    public async Task When_signed_progress_arrives_TranscodeProgressed_is_published_for_each_report()
    {
        var mediaId = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await gateway.Host.DeliverAsync(Reports.Progress(mediaId, 25), gateway.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.Host.DeliverAsync(Reports.Progress(mediaId, 50.5), gateway.Secret)).StatusCode);

        Assert.Equal([25, 50.5], gateway.Host.PublishedFor(mediaId).Cast<TranscodeProgressed>().Select(progress => progress.Percent));
    }

    [Fact]
    public async Task When_the_body_is_chunked_without_a_length_it_is_still_verified_and_accepted()
    {
        var mediaId = Guid.NewGuid();
        var delivery = SignedDelivery.Of(Reports.Completed(mediaId), gateway.Secret);
        var request = delivery.ToRequest();
        request.Content = new StreamContent(new MemoryStream(delivery.Body));

        var response = await gateway.Host.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(gateway.Host.PublishedFor(mediaId));
    }

    [Fact]
    public async Task When_the_same_delivery_arrives_concurrently_it_is_published_once()
    {
        var mediaId = Guid.NewGuid();
        var delivery = SignedDelivery.Of(Reports.Completed(mediaId), gateway.Secret);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gateway.Host.SendAsync(delivery.ToRequest())));

        Assert.Single(gateway.Host.PublishedFor(mediaId));
        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.Host.SendAsync(delivery.ToRequest())).StatusCode);
    }
}
