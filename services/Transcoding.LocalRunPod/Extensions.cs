using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Api;
using Transcoding.LocalRunPod.Jobs;
using Transcoding.LocalRunPod.Webhooks;
using Transcoding.LocalRunPod.Workers;

namespace Transcoding.LocalRunPod;

public static class Extensions
{
    /// <summary>The job store, timeouts, webhook delivery and the worker process pool.</summary>
    public static IHostApplicationBuilder AddLocalRunPod(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalRunPodOptions>()
            .BindConfiguration(LocalRunPodOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.WorkerEnvironment = FlattenWorkerEnvironment(configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, (services, http) =>
                http.Timeout = services.GetRequiredService<IOptions<LocalRunPodOptions>>().Value.WebhookTimeout);

        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSender>());
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddHostedService<JobSweeper>();
        builder.Services.AddHostedService<WorkerPool>();
        return builder;
    }

    /// <summary>RunPod's <c>/v2/{endpointId}/...</c> routes: the public job API and the worker protocol.</summary>
    public static IEndpointRouteBuilder MapRunPodApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v2/{endpointId}").AddEndpointFilter<RunPodEndpointFilter>();
        api.MapPost("/run", RunPodApi.Run);
        api.MapPost("/runsync", RunPodApi.RunSyncAsync);
        api.MapMethods("/status/{jobId}", [HttpMethods.Get, HttpMethods.Post], RunPodApi.Status);
        api.MapPost("/cancel/{jobId}", RunPodApi.Cancel);
        api.MapPost("/retry/{jobId}", RunPodApi.Retry);
        api.MapPost("/purge-queue", RunPodApi.PurgeQueue);
        api.MapGet("/health", RunPodApi.Health);
        api.MapGet("/stream/{jobId}", RunPodApi.ReadStream);
        api.MapGet("/job-take/{workerId}", RunPodApi.TakeAsync);
        api.MapGet("/job-take-batch/{workerId}", RunPodApi.TakeBatchAsync);
        api.MapPost("/job-done/{workerId}/{jobId}", RunPodApi.DoneAsync);
        api.MapPost("/job-stream/{workerId}/{jobId}", RunPodApi.StreamAsync);
        api.MapGet("/job-stop/{workerId}", RunPodApi.StopAsync);
        api.MapGet("/ping/{workerId}", RunPodApi.Ping);
        return app;
    }

    /// <summary><c>LocalRunPod:WorkerEnvironment:Storage:LocalRoot</c> becomes the variable <c>Storage__LocalRoot</c>.</summary>
    internal static Dictionary<string, string> FlattenWorkerEnvironment(IConfiguration configuration) =>
        configuration.GetSection($"{LocalRunPodOptions.SectionName}:{nameof(LocalRunPodOptions.WorkerEnvironment)}")
            .AsEnumerable(makePathsRelative: true)
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Key.Replace(":", "__", StringComparison.Ordinal), entry => entry.Value!);
}
