using System.Security.Cryptography;
using Transcoding.Shared.Webhooks;

namespace Transcoding.AllInOne;

/// <summary>
/// The configuration of the one-machine pipeline: in-memory bus, a folder as the bucket, and secrets made up for this
/// run only (the same values on both sides of each signature, as a deployment would configure them).
/// </summary>
public static class EmbeddedDefaults
{
    /// <summary>The all-in-one's own address, <c>http://127.0.0.1:{port}</c>, as the embedded services call it.</summary>
    public const string BaseUrlKey = "AllInOne:BaseUrl";

    public static Dictionary<string, string?> For(RunOptions options, int port)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var callbackSecret = WebhookSecret.Generate();
        var tokenSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var bucket = Path.Combine(options.WorkDir, "bucket");
        return new()
        {
            [BaseUrlKey] = baseUrl,
            ["Bus:Transport"] = "InMemory",
            // Development only, on 127.0.0.1 (the orchestrator refuses it elsewhere): the console's own calls and a
            // browser on this machine are the operator "local".
            ["Auth:OpenOnLoopback"] = "true",
            ["Playback:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = bucket,
            ["RunPod:BaseUrl"] = baseUrl,
            ["RunPod:EndpointId"] = "local",
            ["RunPod:ApiKey"] = apiKey,
            ["RunPod:CallbackBaseUrl"] = baseUrl,
            ["RunPod:WebhookTokenSecret"] = tokenSecret,
            // The job ends on the endpoint a moment after the worker's callback: read its GPU seconds soon after.
            ["RunPod:UsagePollInterval"] = "00:00:00.500",
            ["RunPod:UsagePollAttempts"] = "60",
            ["Webhooks:Secrets:0"] = callbackSecret,
            ["Webhooks:RunPodTokenSecret"] = tokenSecret,
            ["LocalRunPod:ApiKey"] = apiKey,
            ["LocalRunPod:EndpointId"] = "local",
            ["LocalRunPod:PublicBaseUrl"] = baseUrl,
            ["LocalRunPod:Workers"] = "1",
            ["LocalRunPod:WorkerCommand"] = "dotnet",
            ["LocalRunPod:WorkerArguments"] = $"\"{options.WorkerPath}\"",
            ["LocalRunPod:WorkerEnvironment:Storage__Provider"] = "Local",
            ["LocalRunPod:WorkerEnvironment:Storage__LocalRoot"] = bucket,
            ["LocalRunPod:WorkerEnvironment:Worker__CallbackSecret"] = callbackSecret,
            ["LocalRunPod:WorkerEnvironment:Worker__WorkDir"] = Path.Combine(options.WorkDir, "work"),
            ["LocalRunPod:WorkerEnvironment:Logging__LogLevel__Default"] = "Warning",
            ["LocalRunPod:WorkerEnvironment:Logging__LogLevel__Transcoding"] = "Information",
            ["LocalRunPod:WorkerEnvironment:Logging__LogLevel__Polly"] = "Error",

            // The console shows the media item's progress and the saga's transitions; the rest only when it fails.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Transcoding.Orchestrator"] = "Information",
            ["Logging:LogLevel:Transcoding.LocalRunPod.Workers"] = "Error",
            ["Logging:LogLevel:Polly"] = "Error",
        };
    }
}
