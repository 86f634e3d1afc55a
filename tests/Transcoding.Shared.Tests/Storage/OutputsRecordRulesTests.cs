using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.Shared.Tests.Storage;

public sealed class OutputsRecordRulesTests
{
    private static readonly Guid MediaId = Guid.Parse("0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e");
    private static readonly Guid OtherMediaId = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    public static TranscodeOutputs Valid(Guid mediaId) => OutputsRecords.Valid(mediaId);

    public static TheoryData<string, TranscodeOutputs, string[]> Records => new()
    {
        { "as the worker writes it", Valid(MediaId), [] },
        { "audio only, no poster", Valid(MediaId) with { PosterKey = null, Encoder = "" }, [] },
        { "no waveform", Valid(MediaId) with { Waveform = null }, [] },
        { "zero duration", Valid(MediaId) with { DurationSeconds = 0 }, [] },
        { "no master playlist", Valid(MediaId) with { MasterPlaylistKey = "" }, ["Outputs.MasterPlaylistKey", "Outputs"] },
        { "no manifest", Valid(MediaId) with { ManifestKey = "" }, ["Outputs.ManifestKey", "Outputs"] },
        { "no rendition", Valid(MediaId) with { Renditions = [] }, ["Outputs.Renditions"] },
        { "negative duration", Valid(MediaId) with { DurationSeconds = -1 }, ["Outputs.DurationSeconds"] },
        { "duration not a number", Valid(MediaId) with { DurationSeconds = double.NaN }, ["Outputs.DurationSeconds"] },
        { "master playlist of another media", Valid(MediaId) with { MasterPlaylistKey = MediaKeys.MasterPlaylist(OtherMediaId) }, ["Outputs"] },
        { "rendition of another media", Valid(MediaId) with { Renditions = Valid(OtherMediaId).Renditions }, ["Outputs"] },
        { "poster escaping with ..", Valid(MediaId) with { PosterKey = $"media/{MediaId}/../{OtherMediaId}/poster.jpg" }, ["Outputs"] },
        { "waveform outside the prefix", Valid(MediaId) with { Waveform = new WaveformOutput { JsonKey = "waveform.json", DatKey = MediaKeys.WaveformDat(MediaId) } }, ["Outputs"] },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void When_a_record_is_checked_each_broken_rule_names_its_field(string scenario, TranscodeOutputs outputs, string[] fields)
    {
        Assert.True(fields.SequenceEqual(OutputsRecordRules.Problems(MediaId, outputs).Select(p => p.Field)), scenario);
    }
}
