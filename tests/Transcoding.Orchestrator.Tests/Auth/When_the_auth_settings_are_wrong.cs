using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transcoding.Orchestrator.Auth;

namespace Transcoding.Orchestrator.Tests.Auth;

/// <summary>The orchestrator refuses to start, saying why, when its <c>Auth</c> or <c>Playback</c> settings would leave the
/// API open, unusable or its links forgeable; no secret is in the message.</summary>
public sealed class When_the_auth_settings_are_wrong
{
    private const string NotHex = "the-key-itself-not-its-hash";

    /// <summary>Settings as <c>key=value</c> pairs separated by <c>;</c> (over a valid configuration:
    /// <see cref="OrchestratorFactory.Settings"/>, or with nothing but a signing key when <c>alone</c>) and the reason
    /// the refusal must give.</summary>
    public static TheoryData<bool, string, string> Cases => new()
    {
        { true, "", "Auth: nobody could call the API" },
        { false, "Auth:Authority=https://login.example.com", "Auth:Audience is required with Auth:Authority" },
        { false, "Auth:Authority=http://login.example.com;Auth:Audience=api", "Auth:Authority must be an absolute https URL" },
        { false, $"Auth:ApiKeys:0:Sha256={NotHex}", "Auth:ApiKeys:0:Sha256 (test-operator) must be 64 hex digits" },
        { false, "Auth:ApiKeys:1:Role=admin", "Auth:ApiKeys:1:Role (test-reader) must be reader or operator" },
        { false, "Auth:ApiKeys:1:Name=test-operator", "two keys have the same Name" },
        { false, "Playback:SigningKey=short-secret", "Playback:SigningKey must be a secret of at least 32 bytes" },
        { false, "Playback:UrlLifetime=7.00:00:00", "Playback:UrlLifetime must be between" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Start_up_is_refused_with_the_reason(bool alone, string settings, string reason)
    {
        var all = alone
            ? new Dictionary<string, string> { ["Playback:SigningKey"] = OrchestratorFactory.SigningKey }
            : new Dictionary<string, string>(OrchestratorFactory.Settings);
        foreach (var setting in settings.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            all[key] = value;
        }

        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in all)
            {
                host.UseSetting(key, value);
            }
        });

        var refusal = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(reason, refusal.Message);
        Assert.DoesNotContain(NotHex, refusal.Message);
        Assert.DoesNotContain("short-secret", refusal.Message);
        Assert.DoesNotContain(OrchestratorFactory.SigningKey, refusal.Message);
    }

    [Fact]
    public void The_hash_of_a_key_is_the_sha256_of_its_utf8_bytes_in_hex()
    {
        // printf %s 'abc' | sha256sum
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(ApiKeyHash.Of("abc")));
    }
}
