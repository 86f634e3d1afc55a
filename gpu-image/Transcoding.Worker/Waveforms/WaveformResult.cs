namespace Transcoding.Worker.Waveforms;

public sealed record WaveformResult(int SampleRate, int SamplesPerPixel);
