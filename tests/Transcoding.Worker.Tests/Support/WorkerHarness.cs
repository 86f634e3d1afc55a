using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// The worker's real host (same <c>AddWorker</c> wiring as Program.cs) on a temporary bucket folder and work
/// folder, small settings for tiny clips: 1 s segments and the ultrafast preset.
/// </summary>
public sealed class WorkerHarness : IAsyncDisposable
{
    private readonly DirectoryInfo _root;

    private WorkerHarness(DirectoryInfo root, IHost host)
    {
        _root = root;
        Host = host;
    }

    public const string Secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    public IHost Host { get; }

    public string Bucket => Path.Combine(_root.FullName, "bucket");

    public string WorkDir => Path.Combine(_root.FullName, "work");

    public IObjectStorage Storage => Host.Services.GetRequiredService<IObjectStorage>();

    public JobExecutor Executor => Host.Services.GetRequiredService<JobExecutor>();

    public static async Task<WorkerHarness> StartAsync(
        WorkerMode mode = WorkerMode.Run,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool start = true)
    {
        var root = Directory.CreateTempSubdirectory("worker-test-");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = Path.Combine(root.FullName, "bucket"),
            ["Worker:CallbackSecret"] = Secret,
            ["Worker:WorkDir"] = Path.Combine(root.FullName, "work"),
            ["Worker:Preset"] = "ultrafast",
            ["Worker:SegmentSeconds"] = "1",
            ["Worker:ProgressInterval"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddWorker(new WorkerCommand(mode, null));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }

        return new WorkerHarness(root, host);
    }

    /// <summary>
    /// Serverless mode against <paramref name="runPod"/>: its <see cref="FakeRunPod.WorkerEnvironment"/>, then
    /// <paramref name="settings"/> on top (a null value removes a variable). Not started unless <paramref name="start"/>.
    /// </summary>
    public static Task<WorkerHarness> StartServerlessAsync(
        FakeRunPod runPod,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool start = false)
    {
        var merged = runPod.WorkerEnvironment;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return StartAsync(WorkerMode.Serverless, merged, services, start);
    }

    /// <summary>Puts a source file in the bucket under <c>uploads/</c> and returns its key.</summary>
    public async Task<string> UploadSourceAsync(string path)
    {
        var key = "uploads/" + Guid.NewGuid().ToString("N") + Path.GetExtension(path);
        await Storage.UploadFileAsync(key, path, "application/octet-stream", null, CancellationToken.None);
        return key;
    }

    /// <summary>Uploads <paramref name="source"/> and runs one job on it to the end, for a new media id.</summary>
    public async Task<(Guid MediaId, JobResult Result)> RunAsync(string source)
    {
        var mediaId = Guid.NewGuid();
        var result = await Executor.ExecuteAsync("job-" + Path.GetFileNameWithoutExtension(source), Input(mediaId, await UploadSourceAsync(source)), null, CancellationToken.None);
        return (mediaId, result);
    }

    public static Shared.Jobs.WorkerJobInput Input(Guid mediaId, string sourceKey, string callbackUrl = "") => new()
    {
        MediaId = mediaId,
        Attempt = 1,
        SourceKey = sourceKey,
        CallbackUrl = callbackUrl,
    };

    /// <summary>The objects stored under <paramref name="mediaId"/>'s prefix, relative to it.</summary>
    public List<string> Outputs(Guid mediaId)
    {
        var folder = Path.Combine(Bucket, "media", mediaId.ToString("D"));
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];
    }

    public string OutputPath(Guid mediaId, string relative) => Path.Combine(Bucket, "media", mediaId.ToString("D"), relative);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        _root.Delete(recursive: true);
    }
}
