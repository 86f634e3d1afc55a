using System.Text.Json;
using Transcoding.Shared.Jobs;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>One job's state; only <see cref="JobStore"/> touches it, under its lock.</summary>
internal sealed class RunPodJob(string id, JsonElement input, string? webhook, TimeSpan executionTimeout, TimeSpan ttl, bool sync, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public JsonElement Input { get; } = input;
    public string? Webhook { get; } = webhook;
    public TimeSpan ExecutionTimeout { get; } = executionTimeout;
    public TimeSpan Ttl { get; } = ttl;
    public bool Sync { get; } = sync;
    public DateTimeOffset CreatedAt { get; set; } = createdAt;
    public string Status { get; set; } = RunPodJobStates.InQueue;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? WorkerId { get; set; }
    public JsonElement? Output { get; set; }
    public string? Error { get; set; }
    public int Retries { get; set; }

    /// <summary>Partial outputs posted to <c>job-stream</c> and not yet read from <c>/stream</c>.</summary>
    public List<StreamChunk> Stream { get; } = [];

    /// <summary>Completed when the job reaches a final state; replaced when the job is retried.</summary>
    public TaskCompletionSource Ended { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JobStatusBody ToBody(DateTimeOffset now) => new()
    {
        Id = Id,
        Status = Status,
        DelayTime = StartedAt is { } started ? Milliseconds(started - CreatedAt) : null,
        ExecutionTime = StartedAt is { } start ? Milliseconds((EndedAt ?? now) - start) : null,
        Output = Output,
        Error = Error,
        WorkerId = WorkerId,
    };

    private static long Milliseconds(TimeSpan span) => (long)Math.Max(0, span.TotalMilliseconds);
}
