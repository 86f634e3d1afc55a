using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Validation;

public sealed class HlsOutputValidatorTests
{
    /// <summary>Video 8000 bit/s and two audio renditions of 800 bit/s each (declared first: <see cref="Cases"/> uses it).</summary>
    private static readonly SyntheticOutput Grouped = new() { AudioTracks = ["audio", "audio-2"], Bandwidth = 8800, AverageBandwidth = 8800 };

    private static readonly Dictionary<string, SyntheticOutput> Cases = new()
    {
        ["valid"] = new(),
        ["no #EXTM3U first"] = new() { FirstLine = "#EXT-X-VERSION:6" },
        ["no #EXT-X-ENDLIST"] = new() { EndList = false },
        ["EXTINF 3.4 under TARGETDURATION 3"] = new() { Extinf = [3.4], SegmentBytes = [3400], TargetDuration = 3, ProbedSeconds = 3.4 },
        ["EXTINF 3.5 under TARGETDURATION 3"] = new() { Extinf = [3.5], SegmentBytes = [3500], TargetDuration = 3, ProbedSeconds = 3.5 },
        ["EXTINF 3.5 under TARGETDURATION 4"] = new() { Extinf = [3.5], SegmentBytes = [3500], TargetDuration = 4, ProbedSeconds = 3.5 },
        ["EXTINF 0.5 under TARGETDURATION 0"] = new() { Extinf = [0.5], SegmentBytes = [500], TargetDuration = 0, ProbedSeconds = 0.5 },
        ["EXTINF 0.04 under TARGETDURATION 0"] = new() { Extinf = [0.04], SegmentBytes = [40], TargetDuration = 0, ProbedSeconds = 0.04 },
        ["EXTINF 0.5 under TARGETDURATION 1"] = new() { Extinf = [0.5], SegmentBytes = [500], TargetDuration = 1, ProbedSeconds = 0.5 },
        ["a segment of 0 bytes"] = new() { SegmentBytes = [1000, 0, 1000] },
        ["a segment not written"] = new() { MissingSegment = 2 },
        ["EXTINF sum 0.4 s off the probe"] = new() { ProbedSeconds = 3.4 },
        ["EXTINF sum 0.6 s off the probe"] = new() { ProbedSeconds = 3.6 },
        ["a poster listed, not written"] = new() { PosterWritten = false },
        ["BANDWIDTH at the peak segment"] = new() { SegmentBytes = [1000, 2000, 1000], Bandwidth = 16000, AverageBandwidth = 10667 },
        ["BANDWIDTH below the peak segment"] = new() { SegmentBytes = [1000, 2000, 1000], Bandwidth = 15999, AverageBandwidth = 10667 },
        ["AVERAGE-BANDWIDTH above BANDWIDTH"] = new() { Bandwidth = 8000, AverageBandwidth = 8001 },
        ["RESOLUTION not the rendition's"] = new() { Resolution = "640x480" },
        ["a variant without CODECS"] = new() { Codecs = null },
        ["an audio group of two"] = Grouped,
        ["BANDWIDTH without the audio group's"] = Grouped with { Bandwidth = 8000, AverageBandwidth = 8000 },
        ["an audio rendition not written"] = Grouped with { LastAudioTrackWritten = false },
        ["no DEFAULT=YES in the group"] = Grouped with { DefaultTracks = 0 },
        ["two DEFAULT=YES in the group"] = Grouped with { DefaultTracks = 2 },
        ["AUDIO naming no group"] = Grouped with { VariantAudioGroup = "group_other" },
        ["CODECS without the group's audio"] = Grouped with { Codecs = "avc1.64001e" },
        ["a manifest label not the master's NAME"] = Grouped with { ManifestLabel = "Commentary" },
    };


    public static TheoryData<string, string?> Expectations => new()
    {
        { "valid", null },
        { "no #EXTM3U first", OutputProblem.PlaylistUnparsable },
        { "no #EXT-X-ENDLIST", OutputProblem.PlaylistUnparsable },
        { "EXTINF 3.4 under TARGETDURATION 3", null },
        { "EXTINF 3.5 under TARGETDURATION 3", OutputProblem.TargetDurationTooSmall },
        { "EXTINF 3.5 under TARGETDURATION 4", null },
        { "EXTINF 0.5 under TARGETDURATION 0", OutputProblem.TargetDurationTooSmall },
        { "EXTINF 0.04 under TARGETDURATION 0", OutputProblem.TargetDurationTooSmall },
        { "EXTINF 0.5 under TARGETDURATION 1", null },
        { "a segment of 0 bytes", OutputProblem.SegmentEmpty },
        { "a segment not written", OutputProblem.SegmentMissing },
        { "EXTINF sum 0.4 s off the probe", null },
        { "EXTINF sum 0.6 s off the probe", OutputProblem.DurationMismatch },
        { "a poster listed, not written", OutputProblem.ManifestKeyMissing },
        { "BANDWIDTH at the peak segment", null },
        { "BANDWIDTH below the peak segment", OutputProblem.BandwidthBelowPeak },
        { "AVERAGE-BANDWIDTH above BANDWIDTH", OutputProblem.AverageAboveBandwidth },
        { "RESOLUTION not the rendition's", OutputProblem.ResolutionMismatch },
        { "a variant without CODECS", OutputProblem.PlaylistUnparsable },
        { "an audio group of two", null },
        { "BANDWIDTH without the audio group's", OutputProblem.BandwidthBelowPeak },
        { "an audio rendition not written", OutputProblem.PlaylistUnparsable },
        { "no DEFAULT=YES in the group", OutputProblem.AudioDefaultNotOne },
        { "two DEFAULT=YES in the group", OutputProblem.AudioDefaultNotOne },
        { "AUDIO naming no group", OutputProblem.AudioGroupMissing },
        { "CODECS without the group's audio", OutputProblem.CodecsMismatch },
        { "a manifest label not the master's NAME", OutputProblem.RenditionMismatch },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Each_rule_passes_its_good_case_and_names_its_bad_one(string name, string? code)
    {
        var folder = Directory.CreateTempSubdirectory("validator-").FullName;
        try
        {
            var output = Cases[name];
            output.WriteTo(folder);

            var problems = HlsOutputValidator.Validate(folder, SyntheticOutput.Prefix, output.ProbedSeconds);

            Assert.Equal(code is null ? [] : [code], problems.Select(p => p.Code));
            Assert.All(problems, p => Assert.DoesNotContain(folder, p.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
