using System.ComponentModel.DataAnnotations;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Section <c>Orchestrator</c>.</summary>
public sealed class TranscodeSagaSettings
{
    public const string SectionName = "Orchestrator";

    /// <summary>GPU jobs a media item may cost: 2 means one retry.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>How long an attempt may go without a callback before the dispatcher is asked to poll RunPod.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often RunPod is polled again while a job whose deadline passed is still running.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);
}
