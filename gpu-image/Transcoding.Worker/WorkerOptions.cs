using System.ComponentModel.DataAnnotations;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Storyboards;

namespace Transcoding.Worker;

/// <summary>Section <c>Worker</c> (environment <c>Worker__*</c>).</summary>
public sealed class WorkerOptions : IValidatableObject
{
    public const string SectionName = "Worker";

    /// <summary><c>whsec_…</c> secret that signs callbacks to the gateway. Never logged.</summary>
    [Required(ErrorMessage = "Worker:CallbackSecret is required (a whsec_ secret shared with the gateway's Webhooks:Secrets).")]
    public string CallbackSecret { get; set; } = "";

    /// <summary>How long a callback to the gateway is retried before it is given up (<see cref="Shared.Webhooks.CallbackDelivery"/>);
    /// at most 4 minutes, inside the gateway's 5-minute timestamp tolerance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:04:00")]
    public TimeSpan CallbackBudget { get; set; } = CallbackDelivery.DefaultBudget;

    /// <summary>Each job gets its own folder under here, deleted when the job ends.</summary>
    [Required]
    public string WorkDir { get; set; } = Path.Combine(Path.GetTempPath(), "transcoding-worker");

    [AllowedValues(VideoEncoderNames.Auto, VideoEncoderNames.Libx264, VideoEncoderNames.H264Nvenc,
        ErrorMessage = "Worker:Encoder must be auto, libx264 or h264_nvenc.")]
    public string Encoder { get; set; } = VideoEncoderNames.Auto;

    /// <summary>x264 preset name; NVENC gets the matching p1–p7 preset.</summary>
    [Required]
    public string Preset { get; set; } = "medium";

    /// <summary>libx264 constant rate factor (0-51, lower is better), capped per rung (<see cref="RateControl"/>).</summary>
    [Range(0, 51, ErrorMessage = "Worker:Crf must be 0-51 (libx264 constant rate factor).")]
    public int Crf { get; set; } = 23;

    /// <summary>
    /// h264_nvenc constant quality (<c>-cq</c>, 1-51, lower is better; 0 would hand the choice to NVENC), capped per rung
    /// like <see cref="Crf"/>. 24: NVENC's H.264 has none of x264's psychovisual tuning, and a CQ of 23-25 is the range
    /// commonly reported to look like x264's CRF 23; the middle of it until a GPU measures it (none here).
    /// </summary>
    [Range(1, 51, ErrorMessage = "Worker:Cq must be 1-51 (h264_nvenc constant quality; 0 would let NVENC choose).")]
    public int Cq { get; set; } = 24;

    [Range(1, 20)]
    public int SegmentSeconds { get; set; } = 4;

    /// <summary>Fastest frame rate written; faster sources keep every n-th frame (120 -> 60, 119.88 -> 59.94).</summary>
    [Range(1, 240)]
    public int MaxFramesPerSecond { get; set; } = 60;

    [Range(32, 512)]
    public int AudioBitrateKbps { get; set; } = 128;

    /// <summary>The ladder; empty means <see cref="LadderRung.Defaults"/> (a bound list would append to a non-empty default).</summary>
    public List<LadderRung> Ladder { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long to wait before asking RunPod again after "no job" (204, 400). None by default: RunPod holds job-take open
    /// while it has no work, and the SDK asks again at once (rp_scale.py:199-201,228).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.Zero;

    [Range(32, 65536)]
    public int WaveformSamplesPerPixel { get; set; } = 256;

    /// <summary>Storyboard tile width in pixels (height by the picture's aspect); never wider than the top rung.</summary>
    [Range(16, 640)]
    public int StoryboardTileWidth { get; set; } = 160;

    /// <summary>Seconds between storyboard tiles at least; longer videos get a longer interval to stay within <see cref="StoryboardMaxTiles"/>.</summary>
    [Range(1, 3600)]
    public int StoryboardIntervalSeconds { get; set; } = 5;

    /// <summary>Most tiles in a storyboard: bounds the sprite's size (10 x 10 tiles of 160x90 is 1600x900).</summary>
    [Range(1, 400)]
    public int StoryboardMaxTiles { get; set; } = 100;

    /// <summary>Tiles per row of the storyboard sprite.</summary>
    [Range(1, 40)]
    public int StoryboardColumns { get; set; } = 10;

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Used when found (the GPU image has it); otherwise the built-in generator runs.</summary>
    [Required]
    public string AudiowaveformPath { get; set; } = "audiowaveform";

    public IReadOnlyList<LadderRung> EffectiveLadder => Ladder.Count > 0 ? Ladder : LadderRung.Defaults;

    public EncodeSettings EncodeSettings => new(Preset, Crf, Cq, SegmentSeconds, AudioBitrateKbps);

    public StoryboardSettings StoryboardSettings => new(StoryboardTileWidth, StoryboardIntervalSeconds, StoryboardMaxTiles, StoryboardColumns);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CallbackSecret))
        {
            string? problem = null;
            try
            {
                WebhookSecret.Parse(CallbackSecret);
            }
            catch (FormatException e)
            {
                problem = "Worker:CallbackSecret: " + e.Message;
            }

            if (problem is not null)
            {
                yield return new ValidationResult(problem);
            }
        }

        foreach (var rung in Ladder)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(rung, new ValidationContext(rung), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"Worker:Ladder rung '{rung.Name}': {result.ErrorMessage}");
                }
            }
        }

        if (Ladder.Select(rung => rung.Name).Distinct(StringComparer.Ordinal).Count() != Ladder.Count)
        {
            yield return new ValidationResult("Worker:Ladder rung names must be unique.");
        }
    }
}
