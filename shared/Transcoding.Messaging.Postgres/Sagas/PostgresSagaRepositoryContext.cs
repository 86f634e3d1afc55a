using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>
/// The eight saga operations for one message, on the DbContext and transaction opened by
/// <see cref="PostgresSagaRepositoryContextFactory{TSaga,TDbContext}"/>. Saga consume contexts are built on this scope,
/// so the saga's steps can find the DbContext as a payload.
/// </summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage, TDbContext>(
    TDbContext dbContext,
    ConsumeContext<TMessage> consumeContext,
    ISagaConsumeContextFactory<TDbContext, TSaga> consumeContextFactory,
    ILogger logger) :
    ConsumeContextScope<TMessage>(consumeContext, dbContext),
    SagaRepositoryContext<TSaga, TMessage>,
    IDisposable
    where TSaga : class, ISaga
    where TMessage : class
    where TDbContext : DbContext
{
    // A DbContext is not thread-safe, and a query pipe may hand several instances of one message to the saga at once.
    readonly SemaphoreSlim _dbContextLock = new(1, 1);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        consumeContextFactory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        var inserted = await Locked(async () =>
        {
            var entry = dbContext.Set<TSaga>().Add(instance);
            try
            {
                // Inside our transaction EF Core wraps SaveChanges in a savepoint, so a failed insert leaves the transaction usable.
                await dbContext.SaveChangesAsync(CancellationToken);
                return true;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another message created this instance first: forget ours so the pipe falls back to Load.
                entry.State = EntityState.Detached;
                Log.SagaAlreadyExists(logger, typeof(TSaga).Name, instance.CorrelationId);
                return false;
            }
        });

        return inserted
            ? await consumeContextFactory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Insert)
            : null;
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await Locked(() => dbContext.Set<TSaga>().AsTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken));
        return instance is null
            ? null
            : await consumeContextFactory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            dbContext.Set<TSaga>().Add(context.Saga);
            return dbContext.SaveChangesAsync(CancellationToken);
        });

    public Task Update(SagaConsumeContext<TSaga> context) =>
        Locked(() => dbContext.SaveChangesAsync(CancellationToken));

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            dbContext.Set<TSaga>().Remove(context.Saga);
            return dbContext.SaveChangesAsync(CancellationToken);
        });

    /// <summary>The instance was created and finalized by the same message: it never reached the table.</summary>
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            var entry = dbContext.ChangeTracker.Entries<TSaga>().SingleOrDefault(x => ReferenceEquals(x.Entity, context.Saga));
            if (entry is { State: EntityState.Modified })
            {
                entry.State = EntityState.Unchanged;
            }

            return Task.FromResult(true);
        });

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        consumeContextFactory.CreateSagaConsumeContext(dbContext, consumeContext, instance, mode);

    public void Dispose() => _dbContextLock.Dispose();

    async Task<T> Locked<T>(Func<Task<T>> operation)
    {
        await _dbContextLock.WaitAsync(CancellationToken);
        try
        {
            return await operation();
        }
        finally
        {
            _dbContextLock.Release();
        }
    }
}
