using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>One ffmpeg run producing the whole HLS ladder under <see cref="OutputDirectory"/> (the <c>hls/</c> folder).</summary>
public sealed record HlsEncodeRequest(
    string InputPath,
    string OutputDirectory,
    MediaProbe Probe,
    IReadOnlyList<PlannedRung> Rungs,
    VideoEncoder Encoder,
    EncodeSettings Settings)
{
    public const string AudioRenditionName = "audio";
    public const string MasterPlaylistName = "master.m3u8";
    public const string RenditionPlaylistName = "index.m3u8";
}
