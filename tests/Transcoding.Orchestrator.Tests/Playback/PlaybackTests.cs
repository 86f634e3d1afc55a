using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Playback;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared;
using Transcoding.Shared.Storage;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>
/// A ready item's outputs in the bucket of <see cref="Storage"/> (s3rver or a local folder), played as the dashboard
/// plays them: <c>GET /media/{id}/playback</c> with a reader's key, then every link followed with no credential at
/// all, down to each segment, whose bytes must be the ones uploaded.
/// </summary>
public abstract partial class PlaybackTests : IAsyncLifetime
{
    /// <summary>Outputs laid out as the worker writes them (<see cref="MediaKeys"/>), with contents of their kind: a
    /// master playlist naming an audio group (URI attribute) and two rungs, media playlists, segments, pictures.</summary>
    private readonly Dictionary<string, byte[]> _objects = [];
    private readonly Guid _mediaId = Guid.NewGuid();
    private readonly Guid _otherId = Guid.NewGuid();
    private WebApplicationFactory<Program> _orchestrator = null!;
    private StorageOptions _options = null!;
    private IObjectStorage _storage = null!;

    protected abstract StorageOptions Storage();

    /// <summary>Whether segments and pictures come straight from the bucket (presigned, absolute URLs on
    /// <see cref="BucketUrl"/>) rather than through the orchestrator's signed route (root-relative).</summary>
    protected abstract bool Presigned { get; }

    /// <summary>Where presigned links must point: <c>Storage:PublicServiceUrl</c> when set, else <c>Storage:ServiceUrl</c>.</summary>
    private string BucketUrl => $"{_options.PublicServiceUrl ?? _options.ServiceUrl}/";

    public async Task InitializeAsync()
    {
        var storage = _options = Storage();
        _storage = StorageServiceCollectionExtensions.Create(storage);
        _orchestrator = new OrchestratorFactory().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in S3TestServer.Settings(storage))
            {
                host.UseSetting(key, value);
            }

            host.UseSetting("Storage:LocalRoot", storage.LocalRoot);
        });

        Add(MediaKeys.MasterPlaylist(_mediaId), """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_audio"
            480p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_audio"
            720p/index.m3u8

            """);
        foreach (var rendition in new[] { "audio", "480p", "720p" })
        {
            Add(MediaKeys.RenditionPlaylist(_mediaId, rendition), $"""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:4
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:4.000000,
                segment_00000.ts
                #EXTINF:2.000000,
                segment_00001.ts
                #EXT-X-ENDLIST

                """);
            Add($"{MediaKeys.HlsFolder(_mediaId)}{rendition}/segment_00000.ts", RandomNumberGenerator.GetBytes(40_000));
            Add($"{MediaKeys.HlsFolder(_mediaId)}{rendition}/segment_00001.ts", RandomNumberGenerator.GetBytes(20_000));
        }

        Add(MediaKeys.Poster(_mediaId), RandomNumberGenerator.GetBytes(5_000));
        Add(MediaKeys.WaveformJson(_mediaId), """{"version":2,"channels":1,"sample_rate":48000,"samples_per_pixel":512,"bits":8,"length":1,"data":[-3,4]}""");
        Add(MediaKeys.StoryboardImage(_mediaId), RandomNumberGenerator.GetBytes(8_000));
        Add(MediaKeys.StoryboardVtt(_mediaId), """
            WEBVTT

            00:00:00.000 --> 00:00:05.000
            storyboard.jpg#xywh=0,0,160,90

            00:00:05.000 --> 00:00:06.000
            storyboard.jpg#xywh=160,0,160,90

            """);
        Add(MediaKeys.Poster(_otherId), RandomNumberGenerator.GetBytes(100));
        foreach (var (key, content) in _objects)
        {
            await _storage.UploadAsync(key, new MemoryStream(content), "application/octet-stream", null, CancellationToken.None);
        }

        await MakeReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _storage.DeletePrefixAsync(MediaKeys.Prefix(_mediaId), CancellationToken.None);
        await _storage.DeletePrefixAsync(MediaKeys.Prefix(_otherId), CancellationToken.None);
        await _orchestrator.DisposeAsync();
    }

    [Fact]
    public async Task Following_the_links_from_the_master_playlist_reaches_every_segment_with_the_bytes_uploaded()
    {
        var links = await LinksAsync();
        var fetched = new Dictionary<string, byte[]>();

        await FollowAsync(links.Master, MediaKeys.MasterPlaylist(_mediaId), fetched);

        var segments = _objects.Keys.Where(key => key.EndsWith(".ts", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(6, segments.Count);
        Assert.Equal(segments, fetched.Keys.Where(key => key.EndsWith(".ts", StringComparison.Ordinal)).Order());
        foreach (var segment in segments)
        {
            Assert.Equal(_objects[segment], fetched[segment]);
        }

        Assert.StartsWith("/playback/", links.Master, StringComparison.Ordinal);
        Assert.StartsWith(Presigned ? BucketUrl : "/playback/", links.Poster, StringComparison.Ordinal);
        Assert.Equal(_objects[MediaKeys.Poster(_mediaId)], await GetBytesAsync(links.Poster!));
        Assert.Equal(_objects[MediaKeys.WaveformJson(_mediaId)], await GetBytesAsync(links.Waveform!));
        Assert.Equal(_objects[MediaKeys.StoryboardImage(_mediaId)], await GetBytesAsync(links.Storyboard!.Image));
        var now = DateTimeOffset.UtcNow;
        Assert.InRange(links.ExpiresAt, now.AddMinutes(59), now.AddMinutes(61));
    }

    [Fact]
    public async Task The_storyboard_cues_point_into_the_sprite_by_links_that_keep_their_fragments()
    {
        var links = await LinksAsync();

        var vtt = Encoding.UTF8.GetString(await GetBytesAsync(links.Storyboard!.Vtt));

        var cues = vtt.Split('\n').Where(line => line.Contains("#xywh=", StringComparison.Ordinal)).ToList();
        Assert.Equal(["#xywh=0,0,160,90", "#xywh=160,0,160,90"], cues.Select(cue => cue[cue.IndexOf('#', StringComparison.Ordinal)..]));
        foreach (var cue in cues)
        {
            Assert.Equal(_objects[MediaKeys.StoryboardImage(_mediaId)], await GetBytesAsync(cue[..cue.IndexOf('#', StringComparison.Ordinal)]));
        }

        Assert.StartsWith("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n", vtt);
    }

    [Fact]
    public async Task A_tampered_or_expired_signature_is_refused_with_403()
    {
        var master = (await LinksAsync()).Master;
        var signature = SignatureOf(master);
        var tampered = master.Replace(signature, (signature[0] == 'A' ? "B" : "A") + signature[1..], StringComparison.Ordinal);
        var otherPath = master.Replace("hls/master.m3u8", "poster.jpg", StringComparison.Ordinal);
        var signer = _orchestrator.Services.GetRequiredService<PlaybackSigner>();
        var expires = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var expired = $"/playback/{_mediaId}/hls/master.m3u8?expires={expires}&signature={signer.Sign(_mediaId, "hls/master.m3u8", expires)}";
        var unsigned = $"/playback/{_mediaId}/hls/master.m3u8";
        using var anonymous = _orchestrator.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(master)).StatusCode);
        foreach (var refused in new[] { tampered, otherPath, expired, unsigned })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(refused)).StatusCode);
        }
    }

    [Fact]
    public async Task A_path_outside_the_item_is_never_served_even_when_signed()
    {
        var signer = _orchestrator.Services.GetRequiredService<PlaybackSigner>();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var outside = $"../{_otherId}/poster.jpg";
        using var anonymous = _orchestrator.CreateClient();

        var escaped = await anonymous.GetAsync($"/playback/{_mediaId}/..%2F{_otherId}%2Fposter.jpg?expires={expires}&signature={signer.Sign(_mediaId, outside, expires)}");
        var folder = await anonymous.GetAsync($"/playback/{_mediaId}/hls?expires={expires}&signature={signer.Sign(_mediaId, "hls", expires)}");

        Assert.Contains(escaped.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.NotEqual(_objects[MediaKeys.Poster(_otherId)], await escaped.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, folder.StatusCode);
    }

    [Fact]
    public async Task An_item_that_is_not_ready_has_no_playback_and_an_unknown_one_is_404()
    {
        using var reader = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.ReaderKey);
        var id = Guid.NewGuid();
        await Bus.Publish(new MediaUploaded { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", ContentType = "video/mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow });
        await Eventually.Until(() => reader.GetAsync($"/media/{id}"), answer => answer.StatusCode == HttpStatusCode.OK, "the item known");

        Assert.Equal(HttpStatusCode.Conflict, (await reader.GetAsync($"/media/{id}/playback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{Guid.NewGuid()}/playback")).StatusCode);
    }

    private IBus Bus => _orchestrator.Services.GetRequiredService<IBus>();

    private void Add(string key, string text) => _objects[key] = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));

    private void Add(string key, byte[] content) => _objects[key] = content;

    private async Task MakeReadyAsync()
    {
        using var reader = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.ReaderKey);
        await Bus.Publish(new MediaUploaded { MediaId = _mediaId, SourceKey = $"uploads/{_mediaId}/a.mp4", ContentType = "video/mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow });
        await Eventually.Until(() => StateAsync(reader), state => state == MediaStates.Transcoding, "the item transcoding");
        await Bus.Publish(new TranscodeCompleted
        {
            MediaId = _mediaId,
            Attempt = 1,
            JobId = "job-1",
            Outputs = new TranscodeOutputs
            {
                MasterPlaylistKey = MediaKeys.MasterPlaylist(_mediaId),
                ManifestKey = MediaKeys.Manifest(_mediaId),
                PosterKey = MediaKeys.Poster(_mediaId),
                Waveform = new WaveformOutput { JsonKey = MediaKeys.WaveformJson(_mediaId), DatKey = MediaKeys.WaveformDat(_mediaId) },
                Storyboard = new StoryboardOutput { ImageKey = MediaKeys.StoryboardImage(_mediaId), VttKey = MediaKeys.StoryboardVtt(_mediaId) },
            },
        });
        await Eventually.Until(() => StateAsync(reader), state => state == MediaStates.Ready, "the item ready");
    }

    private async Task<string?> StateAsync(HttpClient reader)
    {
        using var answer = await reader.GetAsync($"/media/{_mediaId}");
        return answer.StatusCode == HttpStatusCode.OK ? (await answer.Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web))!.State : null;
    }

    private async Task<PlaybackLinks> LinksAsync()
    {
        using var reader = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.ReaderKey);
        return (await reader.GetFromJsonAsync<PlaybackLinks>($"/media/{_mediaId}/playback", JsonDefaults.Web))!;
    }

    /// <summary>Fetches <paramref name="link"/> (the object <paramref name="key"/>) into <paramref name="fetched"/> and, for
    /// a playlist, every link in it (URI lines and <c>URI="..."</c> attributes), which must all be absolute or root-relative.</summary>
    private async Task FollowAsync(string link, string key, Dictionary<string, byte[]> fetched)
    {
        fetched[key] = await GetBytesAsync(link);
        if (!key.EndsWith(".m3u8", StringComparison.Ordinal))
        {
            return;
        }

        var playlist = Encoding.UTF8.GetString(fetched[key]);
        var references = playlist.Split('\n').Where(line => line.Length > 0 && line[0] != '#')
            .Concat(UriAttribute().Matches(playlist).Select(match => match.Groups[1].Value))
            .ToList();
        var expected = Encoding.UTF8.GetString(_objects[key]).Split('\n').Count(line => line.Length > 0 && line[0] != '#') + UriAttribute().Count(Encoding.UTF8.GetString(_objects[key]));
        Assert.Equal(expected, references.Count);
        foreach (var reference in references)
        {
            var target = KeyOf(reference);
            var direct = Presigned && !target.EndsWith(".m3u8", StringComparison.Ordinal);
            Assert.True(direct ? reference.StartsWith(BucketUrl, StringComparison.Ordinal) : reference.StartsWith("/playback/", StringComparison.Ordinal), $"{target} by {reference}");
            await FollowAsync(reference, target, fetched);
        }
    }

    /// <summary>The object key a link names: <c>/playback/{id}/{path}</c>, or the presigned URL's path after the bucket.</summary>
    private string KeyOf(string link)
    {
        var path = Uri.UnescapeDataString(new Uri(new Uri("http://orchestrator/"), link).AbsolutePath);
        var start = path.IndexOf(_mediaId.ToString(), StringComparison.Ordinal);
        return MediaKeys.Prefix(_mediaId) + path[(start + _mediaId.ToString().Length + 1)..];
    }

    /// <summary>A root-relative link on the orchestrator (no credentials sent), an absolute one straight from the bucket,
    /// whose signature must hold for the host it names (s3rver itself does not check SigV4).</summary>
    private async Task<byte[]> GetBytesAsync(string link)
    {
        if (link.StartsWith('/'))
        {
            using var anonymous = _orchestrator.CreateClient();
            using var answer = await anonymous.GetAsync(link);
            Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} for {link}");
            return await answer.Content.ReadAsByteArrayAsync();
        }

        Assert.True(PresignedUrlSignature.HoldsFor(new Uri(link), _options.SecretAccessKey!, _options.Region), $"a signature not for {new Uri(link).Authority}");
        using var bucket = new HttpClient();
        return await bucket.GetByteArrayAsync(link);
    }

    private static string SignatureOf(string link) => link[(link.IndexOf("signature=", StringComparison.Ordinal) + "signature=".Length)..];

    [GeneratedRegex("[:,]URI=\"([^\"]*)\"")]
    private static partial Regex UriAttribute();
}
