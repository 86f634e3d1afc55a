using System.ComponentModel.DataAnnotations;
using Transcoding.Worker.Ladder;

namespace Transcoding.Worker.Tests;

public class WorkerOptionsTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static List<string> Errors(WorkerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void When_the_callback_secret_is_set_the_defaults_are_valid()
    {
        Assert.Empty(Errors(new WorkerOptions { CallbackSecret = Secret }));
    }

    [Theory]
    [InlineData("", null, "Worker:CallbackSecret is required")]
    [InlineData("whsec_not*base64", null, "Worker:CallbackSecret: A webhook secret must be")]
    [InlineData(Secret, "qsv", "Worker:Encoder must be auto, libx264 or h264_nvenc.")]
    public void When_an_option_is_wrong_start_up_stops_with_a_clear_message(string secret, string? encoder, string message)
    {
        var errors = Errors(new WorkerOptions { CallbackSecret = secret, Encoder = encoder ?? "auto" });

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("not*base64", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(23, 0, "Worker:Cq must be 1-51")]
    [InlineData(23, 52, "Worker:Cq must be 1-51")]
    [InlineData(52, 24, "Worker:Crf must be 0-51")]
    public void When_an_encoders_quality_is_out_of_its_range_start_up_stops(int crf, int cq, string message)
    {
        var errors = Errors(new WorkerOptions { CallbackSecret = Secret, Crf = crf, Cq = cq });

        Assert.Equal([message], errors.Select(e => e[..message.Length]));
    }

    [Theory]
    [InlineData("a", 8, 500, "Worker:Ladder rung 'a'")]
    [InlineData("", 360, 500, "Worker:Ladder rung ''")]
    [InlineData("a", 360, 1, "Worker:Ladder rung 'a'")]
    public void When_a_configured_rung_is_wrong_start_up_stops(string name, int shortSide, int bitrate, string message)
    {
        var options = new WorkerOptions { CallbackSecret = Secret, Ladder = [new LadderRung { Name = name, ShortSide = shortSide, VideoBitrateKbps = bitrate }] };

        Assert.Contains(Errors(options), e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_ladder_is_not_configured_the_default_ladder_is_used()
    {
        Assert.Same(LadderRung.Defaults, new WorkerOptions().EffectiveLadder);
    }
}
