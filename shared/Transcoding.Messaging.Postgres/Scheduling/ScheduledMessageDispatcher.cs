using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Transcoding.Messaging.Postgres.Outbox;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>
/// Delivers <c>scheduled_messages</c>: scheduled messages once due, and saga outbox rows at once. Claims due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (instances share the table without sending a row twice), sends each to its destination
/// with its stored message id and deletes it in the same transaction. Delivery is at least once: a crash between send and
/// commit sends the batch again, with the same message ids. A row whose send fails stays, with its due time pushed back
/// exponentially (at most 5 minutes). Looks for due rows every polling interval, and at once when this instance committed
/// outbox rows (<see cref="OutboxDeliverySignal"/>).
/// </summary>
public sealed class ScheduledMessageDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    IOptions<PostgresSchedulerOptions> options,
    OutboxDeliverySignal signal,
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
        // One wait of each kind outstanding at a time, kept across rounds: a tick that fell due while a batch was being
        // sent, or a commit signalled then, wakes the next round instead of being lost.
        Task<bool>? tick = null;
        Task? committed = null;
        while (true)
        {
            try
            {
                // A full batch means more rows may be due: keep going before waiting.
                while (await DispatchDueBatch(settings, stoppingToken) == settings.BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, exception);
            }

            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            committed ??= signal.WaitAsync(stoppingToken);
            if (await Task.WhenAny(tick, committed) == tick)
            {
                if (!await tick)
                {
                    return;
                }

                tick = null;
            }
            else
            {
                await committed;
                committed = null;
            }
        }
    }

    /// <summary>Sends nothing until every hosted service, the bus included, has started.</summary>
    async Task ApplicationStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    async Task<int> DispatchDueBatch(PostgresSchedulerOptions settings, CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await dbContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(stoppingToken);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var due = await ScheduledMessageSql.ClaimDue(dbContext, now, settings.BatchSize, stoppingToken);

            // Once claimed, a batch is finished even during shutdown: stopping halfway would send its first rows twice.
            // Its rows are sent concurrently (each waits for the broker's confirm), then settled one by one on the DbContext.
            // A send is bounded: an unreachable broker must not keep the rows locked, which would block another
            // instance's delivery and a saga step's Unschedule of them.
            var failures = await Task.WhenAll(due.Select(row => Send(row, now, settings.SendTimeout)));
            for (var i = 0; i < due.Count; i++)
            {
                Settle(dbContext, due[i], failures[i], now);
            }

            await dbContext.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return due.Count;
        });
    }

    /// <returns>Why the send failed, or null once the broker has it.</returns>
    async Task<Exception?> Send(ScheduledMessage row, DateTime now, TimeSpan timeout)
    {
        using var bounded = new CancellationTokenSource(timeout);
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination)).WaitAsync(bounded.Token);
            await endpoint.Send(new SerializedMessageBody(), new ScheduledMessageSendPipe(row, now), bounded.Token);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>A sent row is deleted; a failed one stays, due again after an exponential back-off.</summary>
    void Settle(DbContext dbContext, ScheduledMessage row, Exception? failure, DateTime now)
    {
        if (failure is null)
        {
            dbContext.Remove(row);
            Log.ScheduledMessageSent(logger, row.TokenId, row.Destination);
            return;
        }

        row.Attempts++;
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, row.Attempts), MaxBackoff.TotalSeconds));
        row.DueTime = now + backoff;
        Log.ScheduledMessageSendFailed(logger, failure, row.TokenId, row.Destination, row.Attempts, row.DueTime);
    }
}
