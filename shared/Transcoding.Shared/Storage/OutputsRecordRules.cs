using Transcoding.Contracts;

namespace Transcoding.Shared.Storage;

/// <summary>
/// What an outputs record must be before the saga may call a media item ready, whoever brought it: the worker's
/// signed callback (gateway), RunPod's job webhook (gateway) or its <c>/status</c> and the manifest in storage
/// (dispatcher's poll). A master playlist, a manifest and at least one rendition, a duration not negative, and every
/// key inside the item's own prefix (<see cref="MediaKeys.IsOf"/>), so a record can never point a player at another
/// item's objects.
/// </summary>
public static class OutputsRecordRules
{
    /// <summary>Every broken rule, in a stable order; empty when the record is acceptable.</summary>
    public static IReadOnlyList<OutputsProblem> Problems(Guid mediaId, TranscodeOutputs outputs)
    {
        var problems = new List<OutputsProblem>();
        if (string.IsNullOrEmpty(outputs.MasterPlaylistKey))
        {
            problems.Add(new OutputsProblem("Outputs.MasterPlaylistKey", "'Master Playlist Key' must not be empty."));
        }

        if (string.IsNullOrEmpty(outputs.ManifestKey))
        {
            problems.Add(new OutputsProblem("Outputs.ManifestKey", "'Manifest Key' must not be empty."));
        }

        if (outputs.Renditions is not { Count: > 0 })
        {
            problems.Add(new OutputsProblem("Outputs.Renditions", "'Renditions' must not be empty."));
        }

        if (!(outputs.DurationSeconds >= 0))
        {
            problems.Add(new OutputsProblem("Outputs.DurationSeconds", "'Duration Seconds' must be greater than or equal to '0'."));
        }

        if (!MediaKeys.Of(outputs).All(key => MediaKeys.IsOf(mediaId, key)))
        {
            problems.Add(new OutputsProblem("Outputs", "Every output key must lie under media/{mediaId}/ of this media item."));
        }

        return problems;
    }
}
