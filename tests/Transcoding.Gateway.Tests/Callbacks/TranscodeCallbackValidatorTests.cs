using Transcoding.Contracts;
using Transcoding.Gateway.Callbacks;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Callbacks;

public sealed class TranscodeCallbackValidatorTests
{
    private static readonly Guid MediaId = Guid.Parse("0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e");
    private static readonly Guid OtherMediaId = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private readonly TranscodeCallbackValidator _validator = new();

    public static TheoryData<string, TranscodeCallback> ValidReports => new()
    {
        { "completed", Reports.Completed(MediaId) },
        { "completed, audio only", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { PosterKey = null, Encoder = "" } } },
        { "completed, no waveform", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { Waveform = null } } },
        { "failed", Reports.Failed(MediaId) },
        { "progress 0", Reports.Progress(MediaId, 0) },
        { "progress 100", Reports.Progress(MediaId, 100) },
        { "second attempt", Reports.Completed(MediaId, attempt: 2) },
    };

    public static TheoryData<string, TranscodeCallback, string> InvalidReports => new()
    {
        { "empty media id", Reports.Completed(MediaId) with { MediaId = Guid.Empty }, "MediaId" },
        { "attempt 0", Reports.Completed(MediaId, attempt: 0), "Attempt" },
        { "negative attempt", Reports.Progress(MediaId, 5, attempt: -1), "Attempt" },
        { "unknown status", Reports.Completed(MediaId) with { Status = "done" }, "Status" },
        { "status in capitals", Reports.Completed(MediaId) with { Status = "COMPLETED" }, "Status" },
        { "completed without outputs", Reports.Completed(MediaId) with { Outputs = null }, "Outputs" },
        { "master playlist of another media", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { MasterPlaylistKey = Reports.Outputs(OtherMediaId).MasterPlaylistKey } }, "Outputs" },
        { "rendition of another media", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { Renditions = Reports.Outputs(OtherMediaId).Renditions } }, "Outputs" },
        { "poster escaping with ..", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { PosterKey = $"media/{MediaId}/../{OtherMediaId}/poster.jpg" } }, "Outputs" },
        { "waveform outside the prefix", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { Waveform = new WaveformOutput { JsonKey = "waveform.json", DatKey = $"media/{MediaId}/waveform.dat" } } }, "Outputs" },
        { "no manifest", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { ManifestKey = "" } }, "Outputs.ManifestKey" },
        { "no rendition", Reports.Completed(MediaId) with { Outputs = Reports.Outputs(MediaId) with { Renditions = [] } }, "Outputs.Renditions" },
        { "failed without error", Reports.Failed(MediaId) with { Error = null }, "Error" },
        { "failed without code", Reports.Failed(MediaId) with { Error = new CallbackError("", "message", false) }, "Error.Code" },
        { "failed without message", Reports.Failed(MediaId) with { Error = new CallbackError("code", "", false) }, "Error.Message" },
        { "progress without value", Reports.Progress(MediaId, 5) with { Progress = null }, "Progress" },
        { "progress over 100", Reports.Progress(MediaId, 100.5), "Progress" },
        { "negative progress", Reports.Progress(MediaId, -1), "Progress" },
        { "progress not a number", Reports.Progress(MediaId, double.NaN), "Progress" },
        { "job id too long", Reports.Completed(MediaId) with { JobId = new string('j', TranscodeCallbackValidator.MaxJobIdLength + 1) }, "JobId" },
    };

    [Theory]
    [MemberData(nameof(ValidReports))]
    public void When_a_report_is_well_formed_it_is_valid(string scenario, TranscodeCallback report)
    {
        var result = _validator.Validate(report);

        Assert.True(result.IsValid, $"{scenario}: {result}");
    }

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public void When_a_report_breaks_a_rule_the_offending_property_is_named(string scenario, TranscodeCallback report, string property)
    {
        var result = _validator.Validate(report);

        Assert.False(result.IsValid, scenario);
        Assert.Contains(result.Errors, error => error.PropertyName == property);
    }
}
