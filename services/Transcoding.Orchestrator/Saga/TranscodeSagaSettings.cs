using System.ComponentModel.DataAnnotations;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Section <c>Orchestrator</c>.</summary>
public sealed class TranscodeSagaSettings
{
    public const string SectionName = "Orchestrator";

    /// <summary>GPU jobs a media item may cost: 2 means one retry.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;
}
