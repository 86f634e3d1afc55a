namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>One answer of the scripted RunPod: a status, an optional JSON body, an optional delay before answering.</summary>
public sealed record ScriptedResponse(int StatusCode, string? Body = null, TimeSpan Delay = default)
{
    public static ScriptedResponse Job(string jobId, string status = "IN_QUEUE") => new(200, $$"""{"id":"{{jobId}}","status":"{{status}}"}""");
}
