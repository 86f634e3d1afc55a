using System.Net;
using System.Text;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>Every refused delivery: the right status code, and nothing published for its media item.</summary>
public sealed class HostileDeliveryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private readonly Guid _mediaId = Guid.NewGuid();

    private SignedDelivery Valid => SignedDelivery.Of(Reports.Completed(_mediaId), gateway.Secret);

    [Fact]
    public async Task When_the_signature_is_made_with_a_wrong_secret_it_is_refused()
    {
        await AssertRefused(SignedDelivery.Of(Reports.Completed(_mediaId), WebhookSecret.Generate()).ToRequest(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task When_the_signature_belongs_to_another_body_it_is_refused()
    {
        var other = SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), gateway.Secret);
        var valid = Valid;

        await AssertRefused((valid with { Signature = other.Signature }).ToRequest(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task When_one_byte_of_the_body_changes_it_is_refused()
    {
        var valid = Valid;
        var tampered = valid.Body.ToArray();
        tampered[Array.IndexOf(tampered, (byte)'1')] = (byte)'2';

        await AssertRefused(valid.ToRequest(body: tampered), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public async Task When_a_signature_header_is_missing_it_is_refused(bool withId, bool withTimestamp, bool withSignature)
    {
        await AssertRefused(Valid.ToRequest(withId, withTimestamp, withSignature), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task When_the_timestamp_is_six_minutes_off_it_is_refused(int minutes)
    {
        var delivery = SignedDelivery.Of(Reports.Completed(_mediaId), gateway.Secret, DateTimeOffset.UtcNow.AddMinutes(minutes));

        await AssertRefused(delivery.ToRequest(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task When_every_refusal_is_answered_the_bodies_are_identical()
    {
        HttpRequestMessage[] refusals =
        [
            SignedDelivery.Of(Reports.Completed(_mediaId), WebhookSecret.Generate()).ToRequest(),
            Valid.ToRequest(withSignature: false),
            SignedDelivery.Of(Reports.Completed(_mediaId), gateway.Secret, DateTimeOffset.UtcNow.AddMinutes(-6)).ToRequest(),
            Valid.ToRequest(body: Encoding.UTF8.GetBytes("{}")),
        ];

        var answers = new List<(HttpStatusCode, string, string?)>();
        foreach (var request in refusals)
        {
            var response = await gateway.Host.SendAsync(request);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString()));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Item1);
    }

    [Fact]
    public async Task When_an_accepted_delivery_is_replayed_it_is_acknowledged_and_published_once()
    {
        var delivery = Valid;

        var first = await gateway.Host.SendAsync(delivery.ToRequest());
        var replay = await gateway.Host.SendAsync(delivery.ToRequest());

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        Assert.Single(gateway.Host.PublishedFor(_mediaId));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"mediaId\": ")]
    [InlineData("null")]
    [InlineData("{\"mediaId\": \"not-a-guid\", \"attempt\": 1, \"status\": \"completed\"}")]
    public async Task When_the_signed_body_is_not_a_json_report_it_is_a_bad_request(string body)
    {
        await AssertRefused(SignedDelivery.Of(Encoding.UTF8.GetBytes(body), gateway.Secret).ToRequest(), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task When_the_body_is_over_the_limit_it_is_refused_as_too_large()
    {
        var report = Reports.Completed(_mediaId) with { JobId = new string('x', 300 * 1024) };

        await AssertRefused(SignedDelivery.Of(report, gateway.Secret).ToRequest(), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task When_a_huge_body_is_streamed_without_a_length_it_is_refused_as_too_large()
    {
        var delivery = SignedDelivery.Of(new byte[2 * 1024 * 1024], gateway.Secret);
        var request = delivery.ToRequest();
        request.Content = new StreamContent(new MemoryStream(delivery.Body));

        await AssertRefused(request, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task When_an_output_key_has_another_media_id_prefix_the_content_is_refused()
    {
        var outputs = Reports.Outputs(_mediaId) with { PosterKey = MediaKeys.Poster(Guid.NewGuid()) };

        await AssertRefused(SignedDelivery.Of(Reports.Completed(_mediaId) with { Outputs = outputs }, gateway.Secret).ToRequest(), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task When_the_attempt_is_zero_the_content_is_refused()
    {
        await AssertRefused(SignedDelivery.Of(Reports.Completed(_mediaId, attempt: 0), gateway.Secret).ToRequest(), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task When_the_status_is_unknown_the_content_is_refused()
    {
        await AssertRefused(SignedDelivery.Of(Reports.Completed(_mediaId) with { Status = "done" }, gateway.Secret).ToRequest(), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task When_the_webhook_id_is_absurdly_long_the_content_is_refused()
    {
        var delivery = SignedDelivery.Of(Reports.Completed(_mediaId), gateway.Secret, id: new string('m', 1000));

        await AssertRefused(delivery.ToRequest(), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task When_a_refused_content_is_fixed_and_resent_under_the_same_id_it_is_accepted()
    {
        var id = $"msg_{Guid.NewGuid():N}";
        await AssertRefused(SignedDelivery.Of(Reports.Completed(_mediaId, attempt: 0), gateway.Secret, id: id).ToRequest(), HttpStatusCode.UnprocessableEntity);

        var response = await gateway.Host.SendAsync(SignedDelivery.Of(Reports.Completed(_mediaId), gateway.Secret, id: id).ToRequest());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(gateway.Host.PublishedFor(_mediaId));
    }

    private async Task AssertRefused(HttpRequestMessage request, HttpStatusCode expected)
    {
        var signatures = request.Headers.TryGetValues(WebhookHeaders.Signature, out var values) ? values.ToList() : [];

        var response = await gateway.Host.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
        gateway.Host.Logs.AssertNoneLogged([.. gateway.Secrets(), .. signatures, .. signatures.Select(signature => signature["v1,".Length..])]);
    }
}
