using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.Testing;

/// <summary>Outputs records for tests; each test changes one thing at a time.</summary>
public static class OutputsRecords
{
    /// <summary>A record as the worker writes it: every key from <see cref="MediaKeys"/>, one 360p rendition, 3 s.</summary>
    public static TranscodeOutputs Valid(Guid mediaId) => new()
    {
        MasterPlaylistKey = MediaKeys.MasterPlaylist(mediaId),
        ManifestKey = MediaKeys.Manifest(mediaId),
        Renditions = [new Rendition { Name = "360p", Width = 640, Height = 360, VideoBitrateKbps = 800, AudioBitrateKbps = 96, PlaylistKey = MediaKeys.RenditionPlaylist(mediaId, "360p") }],
        DurationSeconds = 3.0,
        PosterKey = MediaKeys.Poster(mediaId),
        Waveform = new WaveformOutput { JsonKey = MediaKeys.WaveformJson(mediaId), DatKey = MediaKeys.WaveformDat(mediaId), SampleRate = 48000, SamplesPerPixel = 512 },
        Encoder = "libx264",
    };
}
