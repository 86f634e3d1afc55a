using System.Text.Json;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>One job as <c>GET /admin/jobs</c> lists it.</summary>
/// <param name="Status">RunPod's status: IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, TIMED_OUT.</param>
/// <param name="Started">A worker took it: it ran on a GPU, however briefly (RunPod bills it).</param>
/// <param name="Input">The job's input as submitted to <c>/run</c>.</param>
public sealed record JobSummary(string Id, string Status, bool Started, JsonElement Input);
