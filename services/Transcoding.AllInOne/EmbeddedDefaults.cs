using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Transcoding.Shared.Webhooks;

namespace Transcoding.AllInOne;

/// <summary>
/// The configuration of the one-machine pipeline: in-memory bus, a folder as the bucket, and secrets made up for this
/// run only (the same values on both sides of each signature, as a deployment would configure them).
/// </summary>
public static class EmbeddedDefaults
{
    public static Dictionary<string, string?> For(RunOptions options, int port)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var callbackSecret = WebhookSecret.Generate();
        var tokenSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var bucket = Path.Combine(options.WorkDir, "bucket");
        return new()
        {
            ["urls"] = baseUrl,
            ["Bus:Transport"] = "InMemory",
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = bucket,
            ["RunPod:BaseUrl"] = baseUrl,
            ["RunPod:EndpointId"] = "local",
            ["RunPod:ApiKey"] = apiKey,
            ["RunPod:CallbackBaseUrl"] = baseUrl,
            ["RunPod:WebhookTokenSecret"] = tokenSecret,
            ["Webhooks:Secrets:0"] = callbackSecret,
            ["Webhooks:RunPodTokenSecret"] = tokenSecret,
            ["LocalRunPod:ApiKey"] = apiKey,
            ["LocalRunPod:PublicBaseUrl"] = baseUrl,
            ["LocalRunPod:Workers"] = "1",
            ["LocalRunPod:WorkerCommand"] = "dotnet",
            ["LocalRunPod:WorkerArguments"] = $"\"{options.WorkerPath}\"",
            ["LocalRunPod:WorkerEnvironment:Storage__Provider"] = "Local",
            ["LocalRunPod:WorkerEnvironment:Storage__LocalRoot"] = bucket,
            ["LocalRunPod:WorkerEnvironment:Worker__CallbackSecret"] = callbackSecret,
            ["LocalRunPod:WorkerEnvironment:Worker__WorkDir"] = Path.Combine(options.WorkDir, "work"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Transcoding"] = "Information",
        };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
