using System.Text.Json;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>What a worker receives from <c>job-take</c>.</summary>
public sealed record TakenJob(string Id, JsonElement Input);
