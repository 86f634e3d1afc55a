using System.Data;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Outbox;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>
/// Runs each saga message, query and load inside one EF Core execution strategy and one ReadCommitted transaction on
/// the caller's scoped <typeparamref name="TDbContext"/>. Concurrency is optimistic: the saga's row version (xmin) makes
/// a lost update fail with <see cref="DbUpdateConcurrencyException"/>, which the endpoint's message retry replays.
/// What the message's saga steps publish, send or schedule is written to the outbox in the same transaction, and this
/// instance's dispatcher is woken once it is committed.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga, TDbContext>(
    TDbContext dbContext,
    ISagaConsumeContextFactory<TDbContext, TSaga> consumeContextFactory,
    IBus bus,
    OutboxDeliverySignal deliverySignal,
    TimeProvider time,
    IServiceProvider services,
    ILogger<PostgresSagaRepositoryContextFactory<TSaga, TDbContext>> logger) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
    where TDbContext : DbContext
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        WithOutbox(async () =>
        {
            using var repositoryContext = CreateRepositoryContext(context);
            await next.Send(repositoryContext);
            return repositoryContext.Outbox;
        }, context.CancellationToken);

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        WithOutbox(async () =>
        {
            var instances = await dbContext.Set<TSaga>().AsTracking().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            using var repositoryContext = CreateRepositoryContext(context);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
            return repositoryContext.Outbox;
        }, context.CancellationToken);

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        InTransaction(() => asyncMethod(new PostgresSagaQueryContext<TSaga>(dbContext, cancellationToken)), cancellationToken);

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        InTransaction(() => asyncMethod(new PostgresSagaQueryContext<TSaga>(dbContext, cancellationToken)), cancellationToken);

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "postgresql");
        context.Add("dbContext", typeof(TDbContext).Name);
    }

    PostgresSagaRepositoryContext<TSaga, TMessage, TDbContext> CreateRepositoryContext<TMessage>(ConsumeContext<TMessage> context)
        where TMessage : class =>
        new(dbContext, context, consumeContextFactory, bus.Topology, time, services, logger);

    /// <summary>Runs saga steps in a transaction with their outbox, and wakes the dispatcher once the rows are committed.</summary>
    async Task WithOutbox(Func<Task<PostgresOutbox>> work, CancellationToken cancellationToken)
    {
        var outbox = await InTransaction(async () =>
        {
            var outbox = await work();
            // Rows a step added without a saga update after them (a discarded instance, say) are saved too.
            if (dbContext.ChangeTracker.HasChanges())
            {
                await dbContext.SaveChangesAsync(cancellationToken);
            }

            return outbox;
        }, cancellationToken);
        if (outbox.Added > 0)
        {
            deliverySignal.Notify();
        }
    }

    Task<TResult> InTransaction<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken) =>
        dbContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt (execution strategy or a scope reused by message retry) must not see the failed one's entities.
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                var result = await work();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
        });
}
