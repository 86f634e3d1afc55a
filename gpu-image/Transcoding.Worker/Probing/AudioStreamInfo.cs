namespace Transcoding.Worker.Probing;

public sealed record AudioStreamInfo(int Index, string Codec, int SampleRate, int Channels);
