namespace Transcoding.Worker.Validation;

/// <summary>
/// One thing wrong with a job's written output. <see cref="Code"/> is a stable name (the constants below);
/// <see cref="Subject"/> is the file or manifest key concerned, relative to the media prefix (never a local path).
/// </summary>
public sealed record OutputProblem(string Code, string Subject, string Detail)
{
    public const string PlaylistUnparsable = "playlist_unparsable";
    public const string TargetDurationTooSmall = "target_duration_too_small";
    public const string SegmentMissing = "segment_missing";
    public const string SegmentEmpty = "segment_empty";
    public const string DurationMismatch = "duration_mismatch";
    public const string ManifestKeyMissing = "manifest_key_missing";
    public const string BandwidthBelowPeak = "bandwidth_below_peak";
    public const string AverageAboveBandwidth = "average_bandwidth_above_bandwidth";
    public const string ResolutionMismatch = "resolution_mismatch";
    public const string RenditionMismatch = "rendition_mismatch";
    public const string AudioGroupMissing = "audio_group_missing";
    public const string AudioDefaultNotOne = "audio_default_not_one";
    public const string CodecsMismatch = "codecs_mismatch";

    public override string ToString() => $"{Code} {Subject}: {Detail}";
}
