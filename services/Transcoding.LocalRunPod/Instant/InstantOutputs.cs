using System.Text;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Storage;

namespace Transcoding.LocalRunPod.Instant;

/// <summary>
/// What the instant completion writes for a media item, laid out as the worker lays it out (<see cref="MediaKeys"/>):
/// one 360p rendition of one second, its one segment an MPEG-TS null packet (a valid stream that holds no picture),
/// the master playlist, and <c>manifest.json</c> holding the outputs record. The record passes
/// <see cref="OutputsRecordRules"/>, so the gateway and the dispatcher's poll accept it as they accept the worker's;
/// <see cref="TranscodeOutputs.Encoder"/> says <see cref="Encoder"/> so no one mistakes it for a real encode.
/// </summary>
public static class InstantOutputs
{
    /// <summary>The encoder named in the record: none ran.</summary>
    public const string Encoder = "instant";

    public const double DurationSeconds = 1;

    private const string RenditionName = "360p";
    private const string SegmentName = "segment_00000.ts";
    private const string PlaylistContentType = "application/vnd.apple.mpegurl";

    /// <summary>The outputs record of <paramref name="mediaId"/>: what <c>manifest.json</c> holds and the callback carries.</summary>
    public static TranscodeOutputs Record(Guid mediaId) => new()
    {
        MasterPlaylistKey = MediaKeys.MasterPlaylist(mediaId),
        Renditions =
        [
            new Rendition
            {
                Name = RenditionName,
                Width = 640,
                Height = 360,
                VideoBitrateKbps = 800,
                AudioBitrateKbps = 96,
                PlaylistKey = MediaKeys.RenditionPlaylist(mediaId, RenditionName),
            },
        ],
        DurationSeconds = DurationSeconds,
        Encoder = Encoder,
        ManifestKey = MediaKeys.Manifest(mediaId),
    };

    /// <summary>Every object, in the worker's upload order: segment, rendition playlist, master playlist, manifest last.</summary>
    public static IReadOnlyList<InstantObject> Objects(Guid mediaId)
    {
        var record = Record(mediaId);
        var renditionFolder = $"{MediaKeys.HlsFolder(mediaId)}{RenditionName}/";
        return
        [
            new InstantObject(renditionFolder + SegmentName, "video/mp2t", NullPacket()),
            new InstantObject(record.Renditions[0].PlaylistKey, PlaylistContentType, Text(
                $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:1.000,\n{SegmentName}\n#EXT-X-ENDLIST\n")),
            new InstantObject(record.MasterPlaylistKey, PlaylistContentType, Text(
                $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=896000,RESOLUTION=640x360\n{RenditionName}/{MediaKeys.PlaylistName}\n")),
            new InstantObject(record.ManifestKey, "application/json", JsonSerializer.SerializeToUtf8Bytes(record, JsonDefaults.Web)),
        ];
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>188 bytes: sync byte, PID 0x1FFF (null), payload only, stuffing (ISO/IEC 13818-1, 2.4.3.2).</summary>
    private static byte[] NullPacket()
    {
        var packet = Enumerable.Repeat((byte)0xFF, 188).ToArray();
        (packet[0], packet[1], packet[2], packet[3]) = (0x47, 0x1F, 0xFF, 0x10);
        return packet;
    }
}
