namespace Transcoding.Worker.Probing;

/// <summary>
/// A decodable audio stream. <see cref="IsDefault"/> is the container's default disposition; <see cref="Language"/> an
/// ISO 639 code as tagged (null when absent or <c>und</c>); <see cref="Title"/> the stream's title tag;
/// <see cref="ChannelLayout"/> ffmpeg's layout name (<c>stereo</c>, <c>5.1(side)</c>), null when unknown;
/// <see cref="EndSeconds"/> start time plus duration on the container's timeline, 0 when unknown.
/// </summary>
public sealed record AudioStreamInfo(int Index, string Codec, int SampleRate, int Channels)
{
    public bool IsDefault { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? ChannelLayout { get; init; }

    public double EndSeconds { get; init; }
}
