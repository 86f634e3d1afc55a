namespace Transcoding.Contracts;

public record WaveformOutput
{
    public string JsonKey { get; init; } = "";
    public string DatKey { get; init; } = "";
    public int SampleRate { get; init; }
    public int SamplesPerPixel { get; init; }
}
