using System.Data;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>
/// Runs each saga message, query and load inside one EF Core execution strategy and one ReadCommitted transaction on
/// the caller's scoped <typeparamref name="TDbContext"/>. Concurrency is optimistic: the saga's row version (xmin) makes
/// a lost update fail with <see cref="DbUpdateConcurrencyException"/>, which the endpoint's message retry replays.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga, TDbContext>(
    TDbContext dbContext,
    ISagaConsumeContextFactory<TDbContext, TSaga> consumeContextFactory,
    ILogger<PostgresSagaRepositoryContextFactory<TSaga, TDbContext>> logger) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
    where TDbContext : DbContext
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(async () =>
        {
            using var repositoryContext = CreateRepositoryContext(context);
            await next.Send(repositoryContext);
            return true;
        }, context.CancellationToken);

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(async () =>
        {
            var instances = await dbContext.Set<TSaga>().AsTracking().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            using var repositoryContext = CreateRepositoryContext(context);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
            return true;
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
        new(dbContext, context, consumeContextFactory, logger);

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
