namespace Transcoding.Worker.Encoding;

/// <summary>
/// The encoding knobs from <see cref="WorkerOptions"/>: one preset for both encoders, each encoder's quality target
/// (<see cref="RateControl"/>), segment length in seconds and the AAC bitrate in kb/s.
/// </summary>
public sealed record EncodeSettings(string Preset, int Crf, int Cq, int SegmentSeconds, int AudioBitrateKbps);
