using System.Security.Cryptography;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Tests.Webhooks;

public sealed class RunPodWebhookTokenTests
{
    private static readonly Guid MediaId = Guid.Parse("5b1f4c2e-9a7d-4e1b-8c3f-2d6e0a9b7c41");
    private readonly RunPodWebhookToken _tokens = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void When_a_token_was_made_for_the_job_it_is_valid_and_url_safe()
    {
        var token = _tokens.Create(MediaId, 2);

        Assert.True(_tokens.IsValid(MediaId, 2, token));
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void When_the_token_is_for_another_attempt_or_media_it_is_refused()
    {
        var token = _tokens.Create(MediaId, 1);

        Assert.False(_tokens.IsValid(MediaId, 2, token));
        Assert.False(_tokens.IsValid(Guid.NewGuid(), 1, token));
    }

    [Fact]
    public void When_the_token_was_made_with_another_key_it_is_refused()
    {
        var other = new RunPodWebhookToken(RandomNumberGenerator.GetBytes(32));

        Assert.False(_tokens.IsValid(MediaId, 1, other.Create(MediaId, 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("not a token!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void When_the_token_is_missing_or_malformed_it_is_refused(string? token)
    {
        Assert.False(_tokens.IsValid(MediaId, 1, token));
    }

    [Fact]
    public void When_one_character_of_the_token_changes_it_is_refused()
    {
        var token = _tokens.Create(MediaId, 1);
        var changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Assert.False(_tokens.IsValid(MediaId, 1, changed));
    }
}
