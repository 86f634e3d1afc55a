namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>
/// One answer of the scripted RunPod: a status, an optional JSON body, an optional delay before answering, and an
/// optional task the answer waits for (a test holds a request in flight until it has done something else).
/// </summary>
public sealed record ScriptedResponse(int StatusCode, string? Body = null, TimeSpan Delay = default, Task? Release = null)
{
    public static ScriptedResponse Job(string jobId, string status = "IN_QUEUE") => new(200, $$"""{"id":"{{jobId}}","status":"{{status}}"}""");
}
