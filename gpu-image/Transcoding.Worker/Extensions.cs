using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Transcoding.Shared.Configuration;
using Transcoding.Shared.Redaction;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Tracing;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Callbacks;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Publishing;
using Transcoding.Worker.Serverless;
using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker;

public static class Extensions
{
    /// <summary>Long enough for a cancelled job to remove its uploads and post its failure before the process exits.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(90);

    public const string ServiceName = "transcoding-worker";

    /// <summary>
    /// The content root is the worker's own folder, not the working directory, and configuration is read once: a job
    /// is one process, nothing reloads it, and reload's watch of the content root with subdirectories costs one inotify
    /// watch per folder (the whole tree of wherever the worker was started: half a second of CPU from a repository).
    /// </summary>
    public static HostApplicationBuilderSettings HostSettings()
    {
        var configuration = new ConfigurationManager();
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        return new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Configuration = configuration };
    }

    public static IHostApplicationBuilder AddWorker(this IHostApplicationBuilder builder, WorkerCommand command)
    {
        // Logs on stderr: stdout of `run` is the job's result JSON, for scripts.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddWorkerTelemetry();
        builder.AddWorkerServices();
        if (command.Mode == WorkerMode.Serverless)
        {
            builder.AddServerlessLoop();
        }

        return builder;
    }

    /// <summary>Everything one job needs: options, storage, ffmpeg adapters, the pipeline and the signed callback client.</summary>
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WorkerOptions>()
            .Bind(builder.Configuration.GetSection(WorkerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddObjectStorage(builder.Configuration);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<MediaToolRunner>();
        services.AddSingleton<IEncoderProbe, FfmpegEncoderProbe>();
        services.AddSingleton<EncoderSelector>();
        services.AddSingleton<WaveformGenerator>();
        services.AddSingleton<OutputPublisher>();
        services.AddMetrics().AddSingleton<WorkerMetrics>();
        services.AddSingleton<TranscodePipeline>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<RunCommand>();

        services.AddSingleton(sp => new WebhookSigner(WebhookSecret.Parse(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.CallbackSecret)));
        services.AddHttpClient<CallbackClient>().AddCallbackDelivery(sp => sp.GetRequiredService<IOptions<WorkerOptions>>().Value.CallbackBudget);
        RedactedHttpClientLogger.AddTo(services);
        return builder;
    }

    /// <summary>
    /// The job span, its HTTP calls, the worker's metrics and its logs, exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (<see cref="OtlpExport"/>), under the service name <c>transcoding-worker</c>
    /// unless <c>OTEL_SERVICE_NAME</c> says otherwise. RunPod calls outside a job (job-take and job-stop polls, pings) are
    /// not traced: <see cref="BackgroundCallSampler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder)
    {
        if (!OtlpExport.IsConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName).AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing.SetSampler(BackgroundCallSampler.Create()).AddSource(JobTrace.SourceName).AddRedactedHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(WorkerMetrics.MeterName))
            .ExportOverOtlp();
        return builder;
    }

    public static IHostApplicationBuilder AddServerlessLoop(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunPodOptions>()
            .Configure(options => options.Bind(builder.Configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<ActiveJobs>();

        // job-take is long-polled and job-done retried: RunPodClient bounds each call itself.
        builder.Services.AddHttpClient<RunPodClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHttpClient(RunPodHeartbeat.HttpClientName, (services, http) =>
            http.Timeout = services.GetRequiredService<IOptions<RunPodOptions>>().Value.PingInterval * 2);
        builder.Services.AddHttpClient(RunPodStopChannel.HttpClientName, http => http.Timeout = RunPodStopChannel.PollTimeout);
        builder.Services.AddHostedService<RunPodHeartbeat>();
        builder.Services.AddHostedService<RunPodStopChannel>();
        builder.Services.AddHostedService<ServerlessWorker>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        return builder;
    }

    /// <summary>
    /// Serverless: runs until SIGTERM, exit 0. Run: one job, exit 0 on success and 1 on failure. Invalid
    /// configuration (e.g. no callback secret): exit 3 with the validation message, before any job is taken.
    /// </summary>
    public static async Task<int> RunWorkerAsync(this IHost host, WorkerCommand command)
    {
        try
        {
            // Every ValidateOnStart check before the host starts, which would log a refusal with its stack trace first.
            host.Services.GetService<IStartupValidator>()?.Validate();
            if (command.Mode == WorkerMode.Serverless)
            {
                await host.RunAsync();
                return 0;
            }

            await host.StartAsync();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var exitCode = await host.Services.GetRequiredService<RunCommand>().ExecuteAsync(command.InputPath!, lifetime.ApplicationStopping);
            await host.StopAsync();
            return exitCode;
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } reason)
        {
            await Console.Error.WriteLineAsync("configuration error: " + reason);
            return ConfigurationErrors.ExitCode;
        }
    }
}
