using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// One ffmpeg run producing the whole HLS ladder under <see cref="OutputDirectory"/> (the <c>hls/</c> folder);
/// <see cref="Conditioning"/> null means the pictures are used as they are.
/// </summary>
public sealed record HlsEncodeRequest(
    string InputPath,
    string OutputDirectory,
    MediaProbe Probe,
    IReadOnlyList<PlannedRung> Rungs,
    VideoEncoder Encoder,
    EncodeSettings Settings,
    VideoConditioning? Conditioning = null)
{
    public const string AudioRenditionName = "audio";
    public const string MasterPlaylistName = "master.m3u8";
    public const string RenditionPlaylistName = "index.m3u8";
}
