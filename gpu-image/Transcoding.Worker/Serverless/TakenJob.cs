using System.Text.Json;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// A job as job-take handed it over: its id, and its <c>input</c> still as JSON, so that an input this worker cannot
/// read is answered (<see cref="TryReadInput"/>) instead of lost.
/// </summary>
/// <param name="Id">RunPod's job id (a string, as the SDK requires: rp_job.py:185-188).</param>
/// <param name="Input">The <c>input</c> value; null when the job has none.</param>
public sealed record TakenJob(string Id, JsonElement? Input)
{
    /// <summary>
    /// Reads <see cref="Input"/> as a <see cref="WorkerJobInput"/>. An absent or <c>null</c> input reads as null (the
    /// executor rejects it as <c>invalid_input</c>).
    /// </summary>
    /// <param name="problem">When false: <c>input does not parse: {JSON path}: {reason}</c>. The reason is the
    /// serializer's, cut before its position details; it names the target type, never the value, so nothing from the
    /// input is echoed.</param>
    public bool TryReadInput(out WorkerJobInput? input, out string? problem)
    {
        try
        {
            input = Input is { ValueKind: not JsonValueKind.Null } value ? value.Deserialize<WorkerJobInput>(JsonDefaults.Web) : null;
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            input = null;
            var reason = e.Message.Split(" Path:", 2)[0].Trim();
            problem = $"input does not parse: {e.Path ?? "$"}: {reason}";
            return false;
        }
    }
}
