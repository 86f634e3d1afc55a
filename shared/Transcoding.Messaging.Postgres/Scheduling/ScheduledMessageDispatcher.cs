using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>
/// Polls <c>scheduled_messages</c>, claims due rows with <c>FOR UPDATE SKIP LOCKED</c>, sends each to its destination and
/// deletes it in the same transaction. Delivery is at least once: a crash between send and commit sends the batch again.
/// A row whose send fails stays, with its due time pushed back exponentially (at most 5 minutes).
/// </summary>
public sealed class ScheduledMessageDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    IOptions<PostgresSchedulerOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduledMessageDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ApplicationStarted(stoppingToken);
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PollingInterval, timeProvider);
        do
        {
            try
            {
                // A full batch means more rows may be due: keep going before waiting.
                while (await DispatchDueBatch(settings.BatchSize, stoppingToken) == settings.BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends nothing until every hosted service, the bus included, has started.</summary>
    async Task ApplicationStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    async Task<int> DispatchDueBatch(int batchSize, CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await dbContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(stoppingToken);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var due = await ScheduledMessageSql.ClaimDue(dbContext, now, batchSize, stoppingToken);

            // Once claimed, a batch is finished even during shutdown: stopping halfway would send its first rows twice.
            foreach (var row in due)
            {
                await Dispatch(dbContext, row, now);
            }

            await dbContext.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return due.Count;
        });
    }

    async Task Dispatch(DbContext dbContext, ScheduledMessage row, DateTime now)
    {
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
            await endpoint.Send(new SerializedMessageBody(), new ScheduledMessageSendPipe(row, now));
            dbContext.Remove(row);
            Log.ScheduledMessageSent(logger, row.TokenId, row.Destination);
        }
        catch (Exception exception)
        {
            row.Attempts++;
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, row.Attempts), MaxBackoff.TotalSeconds));
            row.DueTime = now + backoff;
            Log.ScheduledMessageSendFailed(logger, exception, row.TokenId, row.Destination, row.Attempts, row.DueTime);
        }
    }
}
