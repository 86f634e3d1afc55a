using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// A kind of real-world upload (issue 12's corpus): how to make one at test time (cached in <see cref="Clips"/>'s
/// folder), the worker settings it needs beyond <see cref="WorkerHarness"/>'s small ones, and its right value.
/// </summary>
public sealed record CorpusKind(Func<Task<string>> Source, Func<CorpusJob, Task> Check, IDictionary<string, string?>? Settings = null)
{
    /// <summary>Makes the source, runs it through the worker's real pipeline and checks the outcome.</summary>
    public async Task RunAsync()
    {
        await using var job = await CorpusJob.RunAsync(await Source(), Settings);
        await Check(job);
    }
}

/// <summary>One corpus source through the worker's real pipeline: what the job returned, its progress, and its outputs on disk.</summary>
public sealed class CorpusJob : IAsyncDisposable
{
    private readonly List<double> _progress = [];

    private CorpusJob(WorkerHarness harness, string source)
    {
        Harness = harness;
        Source = source;
    }

    public WorkerHarness Harness { get; }

    public Guid MediaId { get; } = Guid.NewGuid();

    public string Source { get; }

    public JobResult Result { get; private set; } = null!;

    /// <summary>Every value the job reported through its progress sink, in order.</summary>
    public IReadOnlyList<double> Progress
    {
        get
        {
            lock (_progress)
            {
                return [.. _progress];
            }
        }
    }

    public TranscodeOutputs Outputs => Result.Outputs ?? throw new InvalidOperationException($"the job failed: {Result.Error}");

    public string Prefix => $"media/{MediaId:D}/";

    public static async Task<CorpusJob> RunAsync(string source, IDictionary<string, string?>? settings = null)
    {
        var job = new CorpusJob(await WorkerHarness.StartAsync(settings: settings), source);
        var key = await job.Harness.UploadSourceAsync(source);
        job.Result = await job.Harness.Executor.ExecuteAsync("job-" + Path.GetFileNameWithoutExtension(source), WorkerHarness.Input(job.MediaId, key), (percent, _) =>
        {
            lock (job._progress)
            {
                job._progress.Add(percent);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        return job;
    }

    public string Output(string relative) => Harness.OutputPath(MediaId, relative);

    /// <summary>Ready, and the worker's own validator finds nothing wrong against the program's real length.</summary>
    public void AssertReady(double programSeconds)
    {
        Assert.True(Result.Succeeded, $"{Result.Error?.Code}: {Result.Error?.Message}");
        Assert.Empty(HlsOutputValidator.Validate(Output(""), Prefix, programSeconds));
    }

    /// <summary>A permanent failure with <paramref name="code"/>, nothing stored and the work folder gone.</summary>
    public void AssertFailedPermanently(string code)
    {
        Assert.Equal((code, true), (Result.Error?.Code, Result.Error?.Permanent));
        Assert.Empty(Harness.Outputs(MediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Harness.WorkDir));
    }

    public string MasterPath => Output("hls/master.m3u8");

    public IReadOnlyList<MasterPlaylist.Variant> Variants => MasterPlaylist.Parse(File.ReadAllText(MasterPath));

    /// <summary>The local path of each media playlist the master lists.</summary>
    public IEnumerable<string> VariantPlaylists => Variants.Select(v => Output("hls/" + v.Uri));

    /// <summary>The video renditions of the manifest with their playlist's local path.</summary>
    public IEnumerable<(Rendition Rendition, string Playlist)> VideoRungs =>
        Outputs.Renditions.Where(r => r.Width is not null).Select(r => (r, Output(r.PlaylistKey[Prefix.Length..])));

    /// <summary>The local path of each segment of a media playlist, in order.</summary>
    public static IEnumerable<string> SegmentPaths(string playlist) =>
        Hls.Segments(playlist).Select(s => Path.Combine(Path.GetDirectoryName(playlist)!, s.Uri));

    /// <summary>A value of manifest.json by its JSON path (<c>source</c>, <c>dynamicRange</c>), as text; null when absent.</summary>
    public string? Manifest(params string[] path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Output("manifest.json")));
        var element = json.RootElement;
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}
