namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>
/// One answer of the scripted RunPod: a status, an optional JSON body, an optional delay before answering, and an
/// optional task the answer waits for (a test holds a request in flight until it has done something else).
/// </summary>
public sealed record ScriptedResponse(int StatusCode, string? Body = null, TimeSpan Delay = default, Task? Release = null)
{
    public static ScriptedResponse Job(string jobId, string status = "IN_QUEUE") => new(200, $$"""{"id":"{{jobId}}","status":"{{status}}"}""");

    /// <summary><c>/health</c> in RunPod's shape: the key and endpoint id are fine.</summary>
    public static ScriptedResponse Healthy { get; } = new(200, """{"jobs":{"completed":0,"failed":0,"inProgress":0,"inQueue":0,"retried":0},"workers":{"idle":0,"running":0}}""");
}
