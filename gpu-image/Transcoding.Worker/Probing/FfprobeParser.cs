using System.Globalization;
using System.Text.Json;

namespace Transcoding.Worker.Probing;

/// <summary>
/// Turns <c>ffprobe -print_format json -show_format -show_streams -count_packets -show_optional_fields always</c>
/// output into a <see cref="MediaProbe"/>. A stream whose packets were counted and found to be none is not used.
/// </summary>
public static class FfprobeParser
{
    /// <exception cref="FormatException">The text is not ffprobe JSON.</exception>
    public static MediaProbe Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("ffprobe output is not JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("ffprobe output is not a JSON object.");
            }

            VideoStreamInfo? video = null;
            var audio = new List<AudioStreamInfo>();
            var emptyStreams = new List<string>();
            double streamDuration = 0;
            if (root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array)
            {
                foreach (var stream in streams.EnumerateArray())
                {
                    var type = String(stream, "codec_type");
                    if (type is "video" or "audio" && Packets(stream) == 0)
                    {
                        emptyStreams.Add($"the {type} stream (#{(int)Number(stream, "index")}) holds no {(type == "video" ? "frames" : "samples")}");
                        continue;
                    }

                    if (type == "video" && video is null)
                    {
                        video = ParseVideo(stream);
                    }
                    else if (type == "audio")
                    {
                        audio.Add(ParseAudio(stream));
                    }
                    else
                    {
                        continue;
                    }

                    streamDuration = Math.Max(streamDuration, Number(stream, "duration"));
                }
            }

            var formatDuration = root.TryGetProperty("format", out var format) ? Number(format, "duration") : 0;
            return new MediaProbe(video, audio, formatDuration > 0 ? formatDuration : streamDuration, emptyStreams);
        }
    }

    private static VideoStreamInfo? ParseVideo(JsonElement stream)
    {
        // Cover art in audio files shows up as a one-frame video stream; it is not something to transcode.
        if (stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") == 1)
        {
            return null;
        }

        var width = (int)Number(stream, "width");
        var height = (int)Number(stream, "height");
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        var sar = Ratio(String(stream, "sample_aspect_ratio"));
        var fps = Ratio(String(stream, "avg_frame_rate"));
        if (fps <= 0 || fps > 240)
        {
            fps = Ratio(String(stream, "r_frame_rate"));
        }

        return new VideoStreamInfo(
            (int)Number(stream, "index"),
            String(stream, "codec_name") ?? "",
            width,
            height,
            Rotation(stream),
            sar > 0 ? sar : 1,
            fps is > 0 and <= 240 ? fps : 0)
        {
            FrameRate = FrameRate.Parse(String(stream, "r_frame_rate")),
            PixelFormat = Known(String(stream, "pix_fmt")),
            ColorTransfer = Known(String(stream, "color_transfer")),
            ColorPrimaries = Known(String(stream, "color_primaries")),
            ColorSpace = Known(String(stream, "color_space")),
            ColorRange = Known(String(stream, "color_range")),
            FieldOrder = Known(String(stream, "field_order")),
            EndSeconds = EndSeconds(stream),
        };
    }

    private static AudioStreamInfo ParseAudio(JsonElement stream) => new(
        (int)Number(stream, "index"),
        String(stream, "codec_name") ?? "",
        (int)Number(stream, "sample_rate"),
        (int)Number(stream, "channels"))
    {
        IsDefault = stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "default") == 1,
        Language = stream.TryGetProperty("tags", out var tags) ? Known(String(tags, "language")) : null,
        Title = stream.TryGetProperty("tags", out var titled) ? String(titled, "title") : null,
        ChannelLayout = Known(String(stream, "channel_layout")),
        EndSeconds = EndSeconds(stream),
    };

    /// <summary>ffprobe's placeholders for "not said": <c>unknown</c>, <c>und</c> (language), empty.</summary>
    private static string? Known(string? value) => value is null or "" or "unknown" or "und" ? null : value;

    /// <summary>
    /// Where a stream ends on the container's timeline, seconds (0 when unknown): start time plus duration, except in
    /// Matroska, whose <c>DURATION</c> tag ("00:00:05.000000000") is already the track's end (an audio track starting at
    /// 2 s and ending at 5 s says 5) and is the only per-track figure it keeps; ffprobe may fill <c>duration</c> with the
    /// file's (a one-frame video beside 3 s of audio showed 3.023).
    /// </summary>
    private static double EndSeconds(JsonElement stream)
    {
        if (stream.TryGetProperty("tags", out var tags)
            && String(tags, "DURATION") is { } tagged
            && TimeSpan.TryParse(tagged.Length > 16 ? tagged[..16] : tagged, CultureInfo.InvariantCulture, out var end))
        {
            return end.TotalSeconds;
        }

        var duration = Number(stream, "duration");
        return duration > 0 ? Math.Max(0, Number(stream, "start_time")) + duration : 0;
    }

    /// <summary>Clockwise rotation: the display matrix (counter-clockwise degrees) wins over the older <c>rotate</c> tag.</summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out _))
                {
                    degrees = -Number(item, "rotation");
                    break;
                }
            }
        }

        if (degrees is null && stream.TryGetProperty("tags", out var tags))
        {
            degrees = Number(tags, "rotate");
        }

        var quarterTurns = (int)Math.Round((degrees ?? 0) / 90.0);
        return ((quarterTurns % 4) + 4) % 4 * 90;
    }

    /// <summary>
    /// Packets the demuxer read from the stream (<c>nb_read_packets</c>), or null when they were not counted. Counting
    /// is the cheapest fact that holds in every container: a demux without decoding, at disk speed (78 MB in 0.2 s of
    /// CPU). Duration is not enough: an empty WAV has none, and neither has a WebM written to a pipe that is full of
    /// packets; <c>nb_frames</c> comes from an index only some containers have. ffprobe 5.1 prints "N/A" for a count
    /// of 0 (and omits it from JSON unless optional fields are shown), later versions print "0"; both mean none.
    /// </summary>
    private static long? Packets(JsonElement stream) =>
        stream.TryGetProperty("nb_read_packets", out var value) ? (long)Number(stream, "nb_read_packets") : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>ffprobe writes some numbers as JSON numbers and others (duration, sample_rate, tags) as strings.</summary>
    private static double Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    /// <summary>"30000/1001" or "16:15"; "0/0", "0:1" and "N/A" give 0.</summary>
    private static double Ratio(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var parts = text.Split('/', ':');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            || denominator == 0)
        {
            return 0;
        }

        return numerator / denominator;
    }
}
