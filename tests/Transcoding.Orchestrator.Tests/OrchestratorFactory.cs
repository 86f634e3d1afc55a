using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transcoding.Orchestrator.Auth;

namespace Transcoding.Orchestrator.Tests;

/// <summary>
/// The orchestrator as deployed, on TestServer, with credentials configured as a deployment configures them: an
/// operator and a reader API key (their SHA-256 in <c>Auth:ApiKeys</c>) and a playback signing key. Tests call it with
/// <see cref="ClientFor"/> and one of the keys; TestServer has no remote
/// address, so nothing here is open on loopback.
/// </summary>
public class OrchestratorFactory : WebApplicationFactory<Program>
{
    public static readonly string OperatorKey = NewKey();
    public static readonly string ReaderKey = NewKey();
    public static readonly string SigningKey = NewKey();

    /// <summary>The settings above, as configuration keys.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:ApiKeys:0:Name"] = "test-operator",
        ["Auth:ApiKeys:0:Sha256"] = Convert.ToHexString(ApiKeyHash.Of(OperatorKey)),
        ["Auth:ApiKeys:0:Role"] = Roles.Operator,
        ["Auth:ApiKeys:1:Name"] = "test-reader",
        ["Auth:ApiKeys:1:Sha256"] = Convert.ToHexString(ApiKeyHash.Of(ReaderKey)),
        ["Auth:ApiKeys:1:Role"] = Roles.Reader,
        ["Playback:SigningKey"] = SigningKey,
    };

    /// <summary>A client sending <paramref name="apiKey"/> as <c>X-Api-Key</c>.</summary>
    public static HttpClient ClientFor(WebApplicationFactory<Program> factory, string apiKey)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
