using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing;
using Xunit;

namespace Transcoding.Shared.Tests.Webhooks;

/// <summary>
/// <see cref="CallbackDelivery"/> against a real Kestrel gateway stand-in that answers 502 (as the edge proxy in front of
/// a gateway being restarted does) to the first tries of every callback. Counted per callback, not timed: under a CPU
/// burner the 150 requests reached a 3-second window only after it had closed, and none met the outage. Issue 15's load run lost 211 of 215 completions this way: the standard
/// resilience handler's circuit breaker opened under many callbacks at once and every later one failed at once, so each
/// item waited for its attempt deadline and a poll of RunPod.
/// </summary>
public sealed class When_a_callback_meets_a_gateway_outage
{
    [Fact]
    public async Task Many_callbacks_at_once_are_all_delivered_once_the_gateway_is_back()
    {
        const int Callbacks = 150;
        const int RefusalsEach = 2;
        await using var gateway = await Gateway.StartAsync(RefusalsEach);
        using var services = Client(TimeSpan.FromMinutes(1));
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("callbacks");

        var answers = await Task.WhenAll(Enumerable.Range(0, Callbacks).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = new StringContent($"callback {i}") };
            request.Headers.Add(WebhookHeaders.Id, $"msg_{i}");
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(System.Net.HttpStatusCode.NoContent, status));
        Assert.Equal(Callbacks * RefusalsEach, gateway.Refused);
        // A retry resends the same request: the id (and so the signature) and the body do not change between tries.
        Assert.Equal(Callbacks, gateway.Delivered.Count);
        Assert.All(gateway.Delivered, pair => Assert.Equal($"callback {pair.Key["msg_".Length..]}", pair.Value));
    }

    [Fact]
    public async Task A_gateway_that_stays_down_is_given_up_at_the_budget()
    {
        await using var gateway = await Gateway.StartAsync(int.MaxValue);
        using var services = Client(TimeSpan.FromSeconds(4));
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("callbacks");

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => http.PostAsync(gateway.Url, new StringContent("callback")));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        Assert.True(gateway.Refused >= 2, $"retried within the budget ({gateway.Refused} tries)");
    }

    private static ServiceProvider Client(TimeSpan budget)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("callbacks").AddCallbackDelivery(_ => budget);
        return services.BuildServiceProvider();
    }

    /// <summary>Answers 502 to the first <c>refusalsEach</c> tries of each callback (by its webhook id), then 204 and
    /// keeps the body.</summary>
    private sealed class Gateway(WebApplication app, int refusalsEach) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _tries = new();
        private int _refused;

        public string Url => app.Urls.Single() + "/webhooks/transcode";

        public int Refused => Volatile.Read(ref _refused);

        public ConcurrentDictionary<string, string> Delivered { get; } = new();

        public static async Task<Gateway> StartAsync(int refusalsEach)
        {
            var app = LoopbackApp.CreateBuilder().Build();
            var gateway = new Gateway(app, refusalsEach);
            app.MapPost("/webhooks/transcode", gateway.HandleAsync);
            await app.StartAsync();
            return gateway;
        }

        private async Task<IResult> HandleAsync(HttpRequest request)
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var id = request.Headers[WebhookHeaders.Id].ToString();
            if (_tries.AddOrUpdate(id, 1, (_, tries) => tries + 1) <= refusalsEach)
            {
                Interlocked.Increment(ref _refused);
                return Results.StatusCode(StatusCodes.Status502BadGateway);
            }

            Delivered[id] = body;
            return Results.NoContent();
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
