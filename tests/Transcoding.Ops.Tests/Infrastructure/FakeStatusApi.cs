using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>
/// A stand-in for the orchestrator's status API on 127.0.0.1 with the documented answers: one media item that is
/// ready, one failed with attempts left (retry → 202), one failed without (retry → 409), one transcoding attempt that
/// waits on a configuration fault, one transcoding (cancel → 202; cancelling the ended ones → 409), anything else 404.
/// </summary>
public sealed class FakeStatusApi : IAsyncDisposable
{
    public static readonly Guid Ready = Guid.Parse("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d01");
    public static readonly Guid Retryable = Guid.Parse("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d02");
    public static readonly Guid Exhausted = Guid.Parse("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d03");
    public static readonly Guid Waiting = Guid.Parse("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d04");
    public const string WaitingReason = "RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.";
    public static readonly Guid Transcoding = Guid.Parse("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d05");
    public const string ExhaustedReason = "The retry budget is spent: 2 of 2 attempts used.";
    public const string CancelRefusal = "A cancel is accepted only in state uploaded or transcoding; the media item is ready.";

    private readonly WebApplication _app;

    private FakeStatusApi(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Bodies of the retry requests received, by media id.</summary>
    public ConcurrentQueue<(string MediaId, string Body)> Retries { get; } = new();

    /// <summary>Bodies of the cancel requests received, by media id.</summary>
    public ConcurrentQueue<(string MediaId, string Body)> Cancels { get; } = new();

    /// <summary>The credentials a fake started with <c>requireCredentials</c> accepts, as the orchestrator's <c>Auth</c>
    /// schemes take them: <c>X-Api-Key: {ApiKey}</c> or <c>Authorization: Bearer {Token}</c>; anything else is 401.</summary>
    public const string ApiKey = "ops-test-key-4f1d2c9b7a";
    public const string Token = "eyJ0ZXN0IjoidG9rZW4ifQ.ops-test-token";

    public static async Task<FakeStatusApi> StartAsync(bool requireCredentials = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeStatusApi(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers;
            if (requireCredentials && headers["X-Api-Key"] != ApiKey && headers.Authorization != $"Bearer {Token}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapGet("/media/{id}", (string id) => id switch
        {
            _ when !Guid.TryParse(id, out _) => Results.BadRequest("The media id must be a GUID."),
            _ when Guid.Parse(id) == Ready => Results.Content(ReadyJson, "application/json"),
            _ when Guid.Parse(id) == Retryable || Guid.Parse(id) == Exhausted => Results.Content(FailedJson(Guid.Parse(id)), "application/json"),
            _ when Guid.Parse(id) == Waiting => Results.Content(WaitingJson, "application/json"),
            _ => Results.NotFound(),
        });
        app.MapPost("/media/{id}/retry", async (string id, HttpRequest request) =>
        {
            api.Retries.Enqueue((id, await new StreamReader(request.Body).ReadToEndAsync()));
            return Guid.TryParse(id, out var mediaId) switch
            {
                false => Results.BadRequest("The media id must be a GUID."),
                _ when mediaId == Retryable => Results.Accepted($"/media/{id}"),
                _ when mediaId == Exhausted => Results.Conflict(ExhaustedReason),
                _ when mediaId == Ready => Results.Conflict("A retry is accepted only in state failed; the media item is ready."),
                _ => Results.NotFound(),
            };
        });
        app.MapPost("/media/{id}/cancel", async (string id, HttpRequest request) =>
        {
            api.Cancels.Enqueue((id, await new StreamReader(request.Body).ReadToEndAsync()));
            return Guid.TryParse(id, out var mediaId) switch
            {
                false => Results.BadRequest("The media id must be a GUID."),
                _ when mediaId == Transcoding => Results.Accepted($"/media/{id}"),
                _ when mediaId == Ready || mediaId == Retryable || mediaId == Exhausted => Results.Conflict(CancelRefusal),
                _ => Results.NotFound(),
            };
        });
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string ReadyJson => $$"""
        {"mediaId":"{{Ready}}","state":"ready","attemptsUsed":1,"attemptsAllowed":2,"progress":100,"jobId":"job-1",
         "failure":null,
         "outputs":{"masterPlaylistKey":"media/{{Ready}}/hls/master.m3u8","renditions":[{"name":"720p","width":1280,"height":720,"videoBitrateKbps":2500,"audioBitrateKbps":128,"playlistKey":"media/{{Ready}}/hls/720p/index.m3u8"}],"durationSeconds":4,"posterKey":null,"waveform":null,"encoder":"libx264","manifestKey":"media/{{Ready}}/manifest.json"},
         "history":[{"from":null,"to":"uploaded","at":"2026-11-25T01:00:00+00:00","attempt":0,"reason":"MediaUploaded"},
                    {"from":"uploaded","to":"transcoding","at":"2026-11-25T01:00:01+00:00","attempt":1,"reason":"dispatched"},
                    {"from":"transcoding","to":"ready","at":"2026-11-25T01:00:09+00:00","attempt":1,"reason":"TranscodeCompleted"}],
         "usage":{"attempts":[{"attempt":1,"jobId":"job-1","outcome":"ready","encoder":"libx264","delayTimeMs":824,"executionTimeMs":3391,"gpuSeconds":3.391,"estimatedCostUsd":0.000678,"measuredAt":"2026-11-25T01:00:12+00:00"}],
                  "gpuSeconds":3.391,"estimatedCostUsd":0.000678,"complete":true},
         "futureField":"kept"}
        """;

    private static string WaitingJson => $$"""
        {"mediaId":"{{Waiting}}","state":"transcoding","attemptsUsed":1,"attemptsAllowed":2,"progress":0,"jobId":null,
         "failure":null,"waiting":{"reason":"{{WaitingReason}}","since":"2026-11-30T10:00:00+00:00"},"outputs":null,"history":[]}
        """;

    private static string FailedJson(Guid id) => $$"""
        {"mediaId":"{{id}}","state":"failed","attemptsUsed":1,"attemptsAllowed":2,"progress":0,"jobId":"job-2",
         "failure":{"code":"ffmpeg_failed","message":"exit code 1","permanent":false},"outputs":null,"history":[]}
        """;
}
