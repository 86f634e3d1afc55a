namespace Transcoding.Contracts;

/// <summary>The dispatcher's report that RunPod accepted the job of an attempt.</summary>
public record TranscodeDispatched
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";
}
