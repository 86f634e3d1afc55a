using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

public static class PostgresSagaEndpointExtensions
{
    /// <summary>
    /// What a saga endpoint on <see cref="PostgresSagaRepositoryContextFactory{TSaga,TDbContext}"/> needs: message retries
    /// for concurrency conflicts and, around them, for a database outage (<see cref="DatabaseOutageRetry"/>), so each
    /// attempt gets a new scope, DbContext and transaction (and a failed attempt's outbox rows roll back with it). No
    /// in-memory outbox: the repository's transactional outbox holds what a step emits, and MassTransit's outbox endpoints
    /// must wrap the transport's.
    /// </summary>
    public static void UsePostgresSagaPolicies(this IReceiveEndpointConfigurator endpoint, int retryLimit = 20)
    {
        // Outermost: every outage attempt starts the conflict retries afresh.
        endpoint.UseDatabaseOutageRetry();
        endpoint.UseMessageRetry(retry => retry.RetryOnConcurrencyConflicts(retryLimit));
    }

    /// <summary>
    /// Retries lost optimistic updates (xmin changed) and duplicate creates (primary key), with jittered exponential
    /// back-off so competing instances spread out; other exceptions are not retried here.
    /// </summary>
    public static IRetryConfigurator RetryOnConcurrencyConflicts(this IRetryConfigurator retry, int retryLimit = 20)
    {
        retry.Handle<DbUpdateException>(DatabaseErrors.IsConcurrencyConflict);
        retry.Exponential(retryLimit, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(25));
        return retry;
    }
}
