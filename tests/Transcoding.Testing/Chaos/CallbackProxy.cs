using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Testing.Chaos;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of the gateway, for the worker's callbacks: by the seeded shares of
/// <see cref="CallbackProxyOptions"/> it drops requests, sends identical copies of others at once, and holds others
/// so that later ones overtake them. What it sends on carries the method, path, query, headers (the Standard Webhooks
/// <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> among them) and body byte for byte; the
/// caller gets the gateway's answer (status, headers, body) to it, or to the first copy of a duplicated one.
/// </summary>
/// <remarks>
/// A dropped request is answered <c>502 Bad Gateway</c>, as an edge proxy in front of an unreachable gateway answers.
/// The worker's callback client (`CallbackDelivery`) retries 5xx and network errors alike, so a connection
/// reset would test nothing more; and a keep-alive connection closed without an answer is re-sent by .NET's
/// SocketsHttpHandler itself before the caller sees a failure, which would hide drops from the caller and the counts.
/// A held request is sent on even when its caller has given up meanwhile: a late delivery after a retry is the point.
/// </remarks>
public sealed class CallbackProxy : IAsyncDisposable
{
    // Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection; Host and Content-Length are set by the client.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly HttpClient _gateway;
    private readonly CallbackProxyOptions _options;
    private readonly Random _random;
    private readonly Lock _decide = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _received;
    private long _sent;

    private CallbackProxy(WebApplication app, Uri gateway, CallbackProxyOptions options)
    {
        _app = app;
        _target = gateway;
        _options = options;
        _random = new Random(options.Seed);
        _gateway = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The proxy's base address, <c>http://127.0.0.1:port</c>: callers use it in place of the gateway's.</summary>
    public string Url => _app.Urls.Single();

    /// <summary>
    /// While true (from the start) the shares apply; while false every request is forwarded untouched and no share is
    /// drawn, so a chaos run can hold the fault for a window and the seeded fates stay the same from run to run.
    /// </summary>
    public bool Active { get; set; } = true;

    /// <summary>Every request received, with what was done to it, in arrival order.</summary>
    public ConcurrentQueue<ProxiedRequest> Requests { get; } = new();

    public CallbackProxyCounts Counts
    {
        get
        {
            var fates = Requests.ToArray();
            long Count(CallbackFate fate) => fates.LongCount(request => request.Fate == fate);
            return new CallbackProxyCounts(Interlocked.Read(ref _received), Count(CallbackFate.Forwarded), Count(CallbackFate.Dropped),
                Count(CallbackFate.Duplicated), Count(CallbackFate.Delayed), Interlocked.Read(ref _sent));
        }
    }

    /// <param name="gateway">The gateway's origin (<c>http://host:port</c>); a request's path and query go to it as received.</param>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/> (see <see cref="CallbackProxyOptions.Validate"/>).</exception>
    public static async Task<CallbackProxy> StartAsync(Uri gateway, CallbackProxyOptions options)
    {
        options.Validate();
        var builder = LoopbackApp.CreateBuilder();
        // The Server header of the answer is the gateway's.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        var proxy = new CallbackProxy(app, gateway, options);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _gateway.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var (sequence, fate) = Decide();
        Requests.Enqueue(new ProxiedRequest(sequence, request.Method, request.Path + request.QueryString, request.Headers[WebhookHeaders.Id].FirstOrDefault(), fate));
        if (fate == CallbackFate.Dropped)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        if (fate == CallbackFate.Delayed)
        {
            await Task.Delay(_options.Delay, _stopping.Token);
        }

        var copies = fate == CallbackFate.Duplicated ? _options.Copies : 1;
        var sends = Enumerable.Range(0, copies).Select(_ => SendAsync(request, body)).ToList();
        try
        {
            await Task.WhenAll(sends);
            await AnswerAsync(context.Response, sends[0].Result);
        }
        catch (HttpRequestException)
        {
            // The gateway is down (the chaos runs kill it): answered as an edge proxy answers.
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
        finally
        {
            sends.Where(send => send.IsCompletedSuccessfully).ToList().ForEach(send => send.Result.Dispose());
        }
    }

    // One draw per request, in arrival order, so a seed gives the same sequence of fates.
    private (long Sequence, CallbackFate Fate) Decide()
    {
        lock (_decide)
        {
            var sequence = ++_received;
            if (!Active)
            {
                return (sequence, CallbackFate.Forwarded);
            }

            var draw = _random.NextDouble();
            var fate = draw < _options.DropShare ? CallbackFate.Dropped
                : draw < _options.DropShare + _options.DuplicateShare ? CallbackFate.Duplicated
                : draw < _options.DropShare + _options.DuplicateShare + _options.DelayShare ? CallbackFate.Delayed
                : CallbackFate.Forwarded;
            return (sequence, fate);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequest request, byte[] body)
    {
        // The request target as it came on the wire, not re-encoded from the decoded path.
        var target = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, target));
        if (body.Length > 0 || request.ContentLength is not null || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers.Where(header => !NotForwarded.Contains(header.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        Interlocked.Increment(ref _sent);
        return await _gateway.SendAsync(message, HttpCompletionOption.ResponseContentRead, _stopping.Token);
    }

    private static async Task AnswerAsync(HttpResponse response, HttpResponseMessage answer)
    {
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(header => !NotForwarded.Contains(header.Key)))
        {
            response.Headers[name] = values.ToArray();
        }

        var body = await answer.Content.ReadAsByteArrayAsync();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
