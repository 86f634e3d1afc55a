using System.Text;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void When_signing_the_specification_example_the_signature_matches_the_reference_implementation()
    {
        // The example of the Standard Webhooks specification, signed by the npm reference library to the same value.
        var signer = new WebhookSigner(WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        var signature = signer.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Theory]
    [InlineData("msg_other", 1614265330, "{\"test\": 2432232314}")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232315}")]
    public void When_any_signed_part_changes_the_signature_changes(string id, long timestamp, string body)
    {
        var signer = new WebhookSigner(WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        Assert.NotEqual("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signer.Sign(id, timestamp, Encoding.UTF8.GetBytes(body)));
    }
}
