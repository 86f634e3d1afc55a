using System.Security.Cryptography;

namespace Transcoding.Testing;

/// <summary>
/// What an orchestrator a test runs on 127.0.0.1 (Kestrel or its own process) needs beyond the bus and the store:
/// open to loopback callers (<c>Auth:OpenOnLoopback</c>, the development setting tests may use; the orchestrator
/// refuses it on any other address, and in any environment but Development and <see cref="EnvironmentName"/>) and a
/// playback signing key made up for the run.
/// </summary>
public static class LoopbackOrchestrator
{
    /// <summary>The environment (<c>ASPNETCORE_ENVIRONMENT</c>) tests run the orchestrator in.</summary>
    public const string EnvironmentName = "Testing";

    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>As configuration keys (<c>Auth:OpenOnLoopback</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:OpenOnLoopback"] = "true",
        ["Playback:SigningKey"] = SigningKey,
    };

    /// <summary>As environment variables of a service process (<c>Auth__OpenOnLoopback</c>, <c>ASPNETCORE_ENVIRONMENT</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment =>
        Settings.Select(setting => KeyValuePair.Create(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value!))
            .Append(KeyValuePair.Create("ASPNETCORE_ENVIRONMENT", EnvironmentName));
}
