using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Theory]
    [InlineData("whsec_AAECAw==", new byte[] { 0, 1, 2, 3 })]
    [InlineData("AAECAw==", new byte[] { 0, 1, 2, 3 })]
    public void When_a_secret_is_parsed_the_key_is_the_base64_after_the_prefix(string value, byte[] key)
    {
        Assert.Equal(key, WebhookSecret.Parse(value).Key);
    }

    [Fact]
    public void When_a_secret_is_not_base64_the_error_does_not_echo_it()
    {
        var exception = Assert.Throws<FormatException>(() => WebhookSecret.Parse("whsec_not*base64*secret"));

        Assert.DoesNotContain("not*base64*secret", exception.Message);
    }

    [Fact]
    public void When_a_secret_is_generated_it_parses_back_to_32_random_bytes()
    {
        var first = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", first);
        Assert.Equal(32, WebhookSecret.Parse(first).Key.Length);
        Assert.NotEqual(first, WebhookSecret.Generate());
    }

    [Fact]
    public void When_a_secret_is_printed_the_key_is_hidden()
    {
        var value = WebhookSecret.Generate();

        Assert.DoesNotContain(value["whsec_".Length..], WebhookSecret.Parse(value).ToString());
    }
}
