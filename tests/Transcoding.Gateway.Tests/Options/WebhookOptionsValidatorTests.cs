using System.Security.Cryptography;
using Transcoding.Gateway.Options;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Options;

public sealed class WebhookOptionsValidatorTests
{
    private static readonly string TokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void When_every_key_is_well_formed_the_options_are_valid()
    {
        var options = new WebhookOptions { Secrets = [WebhookSecret.Generate(), WebhookSecret.Generate()], RunPodTokenSecret = TokenKey };

        Assert.True(new WebhookOptionsValidator().Validate(WebhookOptions.StartupCheck, options).Succeeded);
    }

    [Theory]
    [InlineData("whsec_not*base64")]
    [InlineData("whsec_c2hvcnQ=")]
    [InlineData(" ")]
    public void When_a_secret_is_malformed_or_short_the_failure_names_it_without_echoing_it(string secret)
    {
        var options = new WebhookOptions { Secrets = [WebhookSecret.Generate(), secret], RunPodTokenSecret = TokenKey };

        var result = new WebhookOptionsValidator().Validate(WebhookOptions.StartupCheck, options);

        Assert.True(result.Failed);
        Assert.Contains("Webhooks:Secrets:1", result.FailureMessage);
        Assert.DoesNotContain(secret.Trim() is "" ? "\0" : secret, result.FailureMessage);
    }

    [Theory]
    [InlineData("not*base64")]
    [InlineData("c2hvcnQ=")]
    public void When_the_runpod_token_key_is_malformed_or_short_the_failure_names_it_without_echoing_it(string key)
    {
        var options = new WebhookOptions { Secrets = [WebhookSecret.Generate()], RunPodTokenSecret = key };

        var result = new WebhookOptionsValidator().Validate(WebhookOptions.StartupCheck, options);

        Assert.True(result.Failed);
        Assert.Contains("Webhooks:RunPodTokenSecret", result.FailureMessage);
        Assert.DoesNotContain(key, result.FailureMessage);
    }
}
