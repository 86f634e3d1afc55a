using System.Text;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private const string Id = "msg_2x8aQ";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"mediaId\":\"8d0c6a53-4b57-4d44-9f1e-0d7d3a4c1a11\"}");
    private static readonly WebhookSecret Current = WebhookSecret.Parse(WebhookSecret.Generate());
    private static readonly WebhookSecret Previous = WebhookSecret.Parse(WebhookSecret.Generate());
    private static readonly WebhookSecret Unknown = WebhookSecret.Parse(WebhookSecret.Generate());

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T01:00:00Z"));

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void When_the_signature_is_made_with_an_active_secret_the_delivery_is_valid()
    {
        var signature = new WebhookSigner(Current).Sign(Id, Now, Body);

        Assert.Equal(WebhookVerificationResult.Valid, Verifier(Current).Verify(Id, Now.ToString(), signature, Body));
    }

    [Fact]
    public void When_two_secrets_are_active_a_signature_made_with_either_is_valid()
    {
        var verifier = Verifier(Current, Previous);

        Assert.Equal(WebhookVerificationResult.Valid, verifier.Verify(Id, Now.ToString(), new WebhookSigner(Current).Sign(Id, Now, Body), Body));
        Assert.Equal(WebhookVerificationResult.Valid, verifier.Verify(Id, Now.ToString(), new WebhookSigner(Previous).Sign(Id, Now, Body), Body));
    }

    [Fact]
    public void When_the_header_holds_several_signatures_one_match_is_enough()
    {
        var header = $"v1,{Convert.ToBase64String(new byte[32])} v2,ignored {new WebhookSigner(Current).Sign(Id, Now, Body)}";

        Assert.Equal(WebhookVerificationResult.Valid, Verifier(Current).Verify(Id, Now.ToString(), header, Body));
    }

    [Theory]
    [InlineData(null, "ts", "sig")]
    [InlineData("id", null, "sig")]
    [InlineData("id", "ts", null)]
    [InlineData("", "ts", "sig")]
    public void When_a_header_is_missing_the_delivery_is_refused(string? id, string? timestamp, string? signature)
    {
        var result = Verifier(Current).Verify(id, timestamp is null ? null : Now.ToString(), signature is null ? null : new WebhookSigner(Current).Sign(Id, Now, Body), Body);

        Assert.Equal(WebhookVerificationResult.MissingHeaders, result);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-60")]
    [InlineData("1.5")]
    [InlineData(" 1764032400")]
    [InlineData("99999999999999999999999")]
    public void When_the_timestamp_is_not_unix_seconds_the_delivery_is_refused(string timestamp)
    {
        Assert.Equal(WebhookVerificationResult.MalformedTimestamp, Verifier(Current).Verify(Id, timestamp, "v1,AAAA", Body));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-3600)]
    [InlineData(1_000_000_000_000)]
    public void When_the_timestamp_is_more_than_five_minutes_off_the_delivery_is_refused(long offsetSeconds)
    {
        var timestamp = Now + offsetSeconds;
        var signature = new WebhookSigner(Current).Sign(Id, timestamp, Body);

        Assert.Equal(WebhookVerificationResult.TimestampOutOfWindow, Verifier(Current).Verify(Id, timestamp.ToString(), signature, Body));
    }

    [Fact]
    public void When_the_timestamp_is_the_largest_number_the_delivery_is_refused_without_throwing()
    {
        Assert.Equal(WebhookVerificationResult.TimestampOutOfWindow, Verifier(Current).Verify(Id, long.MaxValue.ToString(), "v1,AAAA", Body));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void When_the_timestamp_is_just_inside_five_minutes_the_delivery_is_valid(long offsetSeconds)
    {
        var timestamp = Now + offsetSeconds;
        var signature = new WebhookSigner(Current).Sign(Id, timestamp, Body);

        Assert.Equal(WebhookVerificationResult.Valid, Verifier(Current).Verify(Id, timestamp.ToString(), signature, Body));
    }

    [Fact]
    public void When_the_signature_was_made_with_an_unknown_secret_the_delivery_is_refused()
    {
        var signature = new WebhookSigner(Unknown).Sign(Id, Now, Body);

        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, Verifier(Current).Verify(Id, Now.ToString(), signature, Body));
    }

    [Fact]
    public void When_one_byte_of_the_body_changes_the_delivery_is_refused()
    {
        var signature = new WebhookSigner(Current).Sign(Id, Now, Body);
        var tampered = Body.ToArray();
        tampered[^2] ^= 1;

        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, Verifier(Current).Verify(Id, Now.ToString(), signature, tampered));
    }

    [Fact]
    public void When_the_id_differs_from_the_signed_one_the_delivery_is_refused()
    {
        var signature = new WebhookSigner(Current).Sign(Id, Now, Body);

        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, Verifier(Current).Verify("msg_other", Now.ToString(), signature, Body));
    }

    [Theory]
    [InlineData("v1,")]
    [InlineData("v1,not base64!")]
    [InlineData("v1")]
    [InlineData("v1,AAAA")]
    [InlineData("v2,{0}")]
    [InlineData("v1a,{0}")]
    public void When_the_signature_entry_is_malformed_or_of_another_version_the_delivery_is_refused(string format)
    {
        var valid = new WebhookSigner(Current).Sign(Id, Now, Body)["v1,".Length..];

        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, Verifier(Current).Verify(Id, Now.ToString(), string.Format(format, valid), Body));
    }

    [Fact]
    public void When_no_secret_is_active_every_delivery_is_refused()
    {
        var signature = new WebhookSigner(Current).Sign(Id, Now, Body);

        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, Verifier().Verify(Id, Now.ToString(), signature, Body));
    }

    private WebhookVerifier Verifier(params WebhookSecret[] secrets) => new(secrets, _time, WebhookVerifier.DefaultTolerance);
}
