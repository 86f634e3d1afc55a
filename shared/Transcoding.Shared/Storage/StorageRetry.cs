using System.Net.Sockets;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Transcoding.Shared.Storage;

/// <summary>
/// Rides out a short storage outage inside a job: a call that fails with a <see cref="StorageFaults.IsTransient"/>
/// error is tried again with exponential back-off (0.5 s doubling to at most 5 s, jittered) until
/// <see cref="StorageOptions.OutageBudget"/> has passed since its first failure; then the last error is thrown as it
/// would have been without this. Any other error is thrown at once. Why: a GPU second spent waiting for R2 is cheaper
/// than a second job, and a failed job spends the item's one retry (README, "a broken video costs at most one retry").
/// </summary>
/// <remarks>
/// The budget counts from the first failure, not from the call's start, so a long download that then fails still
/// gets the whole budget; the last wait may end up to one back-off step (5 s) past it. A cancelled token ends a wait
/// at once (<see cref="OperationCanceledException"/>). Each retry logs a warning with the operation, the key and the
/// kind of failure (exception type, HTTP status or socket error), never a URL. The AWS SDK's own retries (standard
/// mode, 2) happen inside one call here: see <see cref="S3ObjectStorage.CreateClient"/>.
/// </remarks>
public sealed class StorageRetry
{
    private static readonly ResiliencePropertyKey<long> FirstFailure = new("storage.first-failure");
    private static readonly ResiliencePropertyKey<(string Operation, string Key)> Call = new("storage.call");

    private readonly ResiliencePipeline _pipeline;

    public StorageRetry(IOptions<StorageOptions> options, TimeProvider time, ILogger<StorageRetry> logger)
    {
        var budget = options.Value.OutageBudget;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e
                    && StorageFaults.IsTransient(e)
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && Remaining(args.Context) > TimeSpan.Zero),
                OnRetry = args =>
                {
                    var (operation, key) = args.Context.Properties.GetValue(Call, ("call", ""));
                    Log.StorageRetrying(logger, operation, key, Kind(args.Outcome.Exception!), args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, Remaining(args.Context).TotalSeconds);
                    return default;
                },
            })
            .Build();

        // Time left of the budget; the clock starts at the first failure the call sees.
        TimeSpan Remaining(ResilienceContext context)
        {
            if (!context.Properties.TryGetValue(FirstFailure, out var first))
            {
                first = time.GetTimestamp();
                context.Properties.Set(FirstFailure, first);
            }

            return budget - time.GetElapsedTime(first);
        }
    }

    /// <summary>Runs <paramref name="call"/>, again after a transient failure, within the outage budget.</summary>
    /// <param name="operation">What the call does, for the log: <c>download</c>, <c>upload</c>, <c>read</c>.</param>
    /// <param name="key">The object key, for the log (keys hold no secret).</param>
    /// <param name="call">Must be safe to start over: a download truncates its file, an upload reopens its content.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, during a call or a wait.</exception>
    public async Task<T> ExecuteAsync<T>(string operation, string key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, (operation, key));
        try
        {
            return await _pipeline.ExecuteAsync(static async (context, call) => await call(context.CancellationToken), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc cref="ExecuteAsync{T}"/>
    public Task ExecuteAsync(string operation, string key, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, key, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);

    /// <summary>The failure in a few words without its message (which may hold an endpoint URL): type and status.</summary>
    private static string Kind(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var detail = exception switch
        {
            AmazonServiceException { StatusCode: not 0 } service => $" {(int)service.StatusCode} {service.ErrorCode}",
            HttpRequestException { StatusCode: { } status } => $" {(int)status}",
            _ => innermost is SocketException socket ? $" {socket.SocketErrorCode}" : "",
        };
        return innermost == exception ? exception.GetType().Name + detail : $"{exception.GetType().Name} <- {innermost.GetType().Name}{detail}";
    }
}
