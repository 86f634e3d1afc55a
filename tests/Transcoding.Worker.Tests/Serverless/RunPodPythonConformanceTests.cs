using System.Text.Json;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>
/// The worker's requests against those runpod-python 1.12.0 made (<see cref="RunPodPythonExchanges"/>, recorded with
/// RunPod's variables as the local endpoint gives them: the same as <see cref="FakeRunPod.WorkerEnvironment"/>).
/// </summary>
public class RunPodPythonConformanceTests(WorkerExchanges worker) : IClassFixture<WorkerExchanges>
{
    /// <summary>The recorded kinds this worker makes, and which of its requests is that kind.</summary>
    private static readonly Dictionary<string, Func<RecordedRequest, bool>> Made = new()
    {
        ["job-take 204"] = r => r.Route == "job-take",
        ["job-take 200"] = r => r.Route == "job-take",
        ["job-stop"] = r => r.Route == "job-stop",
        ["job-done progress"] = r => r.Route == "job-done" && r.Body.Contains("\"IN_PROGRESS\"", StringComparison.Ordinal),
        ["job-done output"] = r => r.Route == "job-done" && r.Path.EndsWith("/" + WorkerExchanges.SucceededJob, StringComparison.Ordinal) && r.Body.StartsWith("{\"output\"", StringComparison.Ordinal),
        ["job-done error raise"] = r => r.Route == "job-done" && r.Path.EndsWith("/" + WorkerExchanges.FailedJob, StringComparison.Ordinal),
    };

    /// <summary>Recorded kinds this worker never makes, and why.</summary>
    private static readonly Dictionary<string, string> NotMade = new()
    {
        ["job-done error handler"] = "a handler's error with partial output: the worker reports either outputs or an error",
        ["job-done output stopPod"] = "refresh_worker's stopPod: the worker never asks to be recycled",
    };

    public static TheoryData<string> MadeKinds => [.. Made.Keys];

    [Theory]
    [MemberData(nameof(MadeKinds))]
    public void When_the_worker_talks_to_runpod_each_request_has_the_shape_runpod_python_1_12_0_sends(string kind)
    {
        var sdk = RunPodPythonExchanges.Get(kind);
        var ours = worker.Requests.First(Made[kind]);
        var jobId = ours.Route == "job-done" ? ours.Path.Split('/')[^1] : "";

        Assert.Equal(sdk.Method, ours.Method);
        Assert.Equal("/" + sdk.Target(FakeRunPod.EndpointId, FakeRunPod.PodId, jobId), ours.Path + ours.Query);
        Assert.Equal(sdk.ContentType, ours.ContentType);
        Assert.Equal(RunPodPythonExchanges.BareKey, sdk.Authorization);
        Assert.Equal(FakeRunPod.ApiKey, ours.Header("Authorization"));
        Assert.Equal(Shape(sdk.Body), Shape(ours.Body));
    }

    [Fact]
    public void When_the_sdk_recording_has_a_kind_the_worker_is_compared_on_it_or_says_why_not()
    {
        var unknown = RunPodPythonExchanges.Load().Select(e => e.Kind).Where(kind => !Made.ContainsKey(kind) && !NotMade.ContainsKey(kind)).ToList();

        Assert.True(unknown.Count == 0, $"new SDK exchange recorded: compare the worker on it or say why not: {string.Join(", ", unknown)}");
    }

    /// <summary>
    /// A body's top-level keys with the kind of each value (and the value of <c>status</c>); "" for no body. What is
    /// inside <c>output</c> is the handler's own, so it is not compared.
    /// </summary>
    private static string Shape(string body) => body.Length == 0 ? "" : string.Join(", ", JsonDocument.Parse(body).RootElement.EnumerateObject()
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.Name == "status" ? $"status: {p.Value}" : $"{p.Name}: {p.Value.ValueKind}"));
}
