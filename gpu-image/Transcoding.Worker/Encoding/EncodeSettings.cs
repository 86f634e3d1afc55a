namespace Transcoding.Worker.Encoding;

/// <summary>Encoder-independent knobs from <see cref="WorkerOptions"/>.</summary>
public sealed record EncodeSettings(string Preset, int Crf, int SegmentSeconds, int AudioBitrateKbps);
