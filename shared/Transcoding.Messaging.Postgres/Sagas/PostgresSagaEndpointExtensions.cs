using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

public static class PostgresSagaEndpointExtensions
{
    /// <summary>
    /// What a saga endpoint on <see cref="PostgresSagaRepositoryContextFactory{TSaga,TDbContext}"/> needs: a message retry
    /// for concurrency conflicts (outermost, so each attempt gets a new scope, DbContext and transaction), then an
    /// in-memory outbox so what a step publishes leaves only after its state was committed, and never when it failed.
    /// </summary>
    public static void UsePostgresSagaPolicies(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, int retryLimit = 20)
    {
        endpoint.UseMessageRetry(retry => retry.RetryOnConcurrencyConflicts(retryLimit));
        endpoint.UseInMemoryOutbox(context);
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
