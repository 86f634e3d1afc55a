using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Api;
using Transcoding.LocalRunPod.Faults;
using Transcoding.LocalRunPod.Instant;
using Transcoding.LocalRunPod.Jobs;
using Transcoding.LocalRunPod.Webhooks;
using Transcoding.LocalRunPod.Workers;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.LocalRunPod;

public static class Extensions
{
    /// <summary>The job store, timeouts, webhook delivery, the worker process pool, the instant completion and the fault injector.</summary>
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

        // The instant completion stands in for the worker: its callbacks are delivered the same way.
        builder.Services.AddHttpClient(SignedCallbackSender.HttpClientName).AddCallbackDelivery(_ => CallbackDelivery.DefaultBudget);
        builder.Services.AddObjectStorage(builder.Configuration);

        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSender>());
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddHostedService<JobSweeper>();
        builder.Services.AddHostedService<WorkerPool>();
        builder.Services.AddSingleton<SignedCallbackSender>();
        builder.Services.AddSingleton<InstantCompletion>();
        builder.Services.AddHostedService<InstantCompletionWorker>();
        builder.Services.AddSingleton<FaultInjector>();
        return builder;
    }

    /// <summary>
    /// RunPod's <c>/v2/{endpointId}/...</c> routes: the public job API (which the <see cref="FaultInjector"/>'s fault
    /// hits) and the worker protocol (which it never does); <c>/admin/faults</c> (<see cref="FaultAdminApi"/>) and
    /// <c>/admin/jobs</c> (<see cref="JobStore.List"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapRunPodApi(this IEndpointRouteBuilder app)
    {
        // Its own API key guards it (ApiKeyFilter): open even in a host whose fallback policy asks for a caller (the all-in-one).
        var runPod = app.MapGroup("").AllowAnonymous();
        var admin = runPod.MapGroup("/admin").AddEndpointFilter<ApiKeyFilter>();
        admin.MapGet("/faults", FaultAdminApi.Get);
        admin.MapPost("/faults", FaultAdminApi.Set);
        admin.MapDelete("/faults", FaultAdminApi.Clear);
        // What ran, for a chaos run to count the GPU jobs per item against RunPod's own view (RunPod has no such list).
        admin.MapGet("/jobs", (JobStore jobs) => Results.Json(jobs.List(), LocalRunPodJson.Options));

        var api = runPod.MapGroup("/v2/{endpointId}").AddEndpointFilter<ApiKeyFilter>().AddEndpointFilter<RunPodEndpointFilter>();
        var jobs = api.MapGroup("").AddEndpointFilter<FaultFilter>();
        jobs.MapPost("/run", RunPodApi.Run);
        jobs.MapPost("/runsync", RunPodApi.RunSyncAsync);
        jobs.MapMethods("/status/{jobId}", [HttpMethods.Get, HttpMethods.Post], RunPodApi.Status);
        jobs.MapPost("/cancel/{jobId}", RunPodApi.Cancel);
        jobs.MapPost("/retry/{jobId}", RunPodApi.Retry);
        jobs.MapPost("/purge-queue", RunPodApi.PurgeQueue);
        jobs.MapGet("/health", RunPodApi.Health);
        jobs.MapGet("/stream/{jobId}", RunPodApi.ReadStream);
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
