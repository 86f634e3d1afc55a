using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware.Outbox;
using MassTransit.Saga;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Outbox;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>
/// The eight saga operations for one message, on the DbContext and transaction opened by
/// <see cref="PostgresSagaRepositoryContextFactory{TSaga,TDbContext}"/>. Saga consume contexts are built on this scope,
/// so the saga's steps can find the DbContext as a payload, and publish, send and schedule through its
/// <see cref="PostgresOutbox"/>: what a step emits is committed with its state.
/// </summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage, TDbContext> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>,
    IDisposable
    where TSaga : class, ISaga
    where TMessage : class
    where TDbContext : DbContext
{
    // A DbContext is not thread-safe, and a query pipe may hand several instances of one message to the saga at once.
    readonly SemaphoreSlim _dbContextLock = new(1, 1);
    readonly TDbContext _dbContext;
    readonly ISagaConsumeContextFactory<TDbContext, TSaga> _consumeContextFactory;
    readonly ILogger _logger;

    public PostgresSagaRepositoryContext(TDbContext dbContext, ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<TDbContext, TSaga> consumeContextFactory, IBusTopology busTopology, TimeProvider time,
        IServiceProvider services, ILogger logger)
        : base(consumeContext, dbContext)
    {
        _dbContext = dbContext;
        _consumeContextFactory = consumeContextFactory;
        _logger = logger;
        Outbox = new PostgresOutbox(dbContext, _dbContextLock, time, services);

        // The same seams as MassTransit's own transactional outbox: send and publish endpoints that capture instead of
        // sending, and a scheduler that writes the scheduled row instead of sending a ScheduleMessage.
        ReceiveContext = new OutboxReceiveContext(Outbox, consumeContext.ReceiveContext);
        PublishEndpointProvider = ReceiveContext.PublishEndpointProvider;
        MessageSchedulerFactory scheduler = context => new MessageScheduler(new OutboxScheduleMessageProvider(context, Outbox), busTopology);
        AddOrUpdatePayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(this, scheduler),
            _ => new ConsumeMessageSchedulerContext(this, scheduler));
    }

    /// <summary>What this message's saga steps emitted, waiting in the transaction.</summary>
    public PostgresOutbox Outbox { get; }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _consumeContextFactory.CreateSagaConsumeContext(_dbContext, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        var inserted = await Locked(async () =>
        {
            var entry = _dbContext.Set<TSaga>().Add(instance);
            try
            {
                // Inside our transaction EF Core wraps SaveChanges in a savepoint, so a failed insert leaves the transaction usable.
                await _dbContext.SaveChangesAsync(CancellationToken);
                return true;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another message created this instance first: forget ours so the pipe falls back to Load.
                entry.State = EntityState.Detached;
                Log.SagaAlreadyExists(_logger, typeof(TSaga).Name, instance.CorrelationId);
                return false;
            }
        });

        return inserted
            ? await _consumeContextFactory.CreateSagaConsumeContext(_dbContext, this, instance, SagaConsumeContextMode.Insert)
            : null;
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await Locked(() => _dbContext.Set<TSaga>().AsTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken));
        return instance is null
            ? null
            : await _consumeContextFactory.CreateSagaConsumeContext(_dbContext, this, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            _dbContext.Set<TSaga>().Add(context.Saga);
            return _dbContext.SaveChangesAsync(CancellationToken);
        });

    public Task Update(SagaConsumeContext<TSaga> context) =>
        Locked(() => _dbContext.SaveChangesAsync(CancellationToken));

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            _dbContext.Set<TSaga>().Remove(context.Saga);
            return _dbContext.SaveChangesAsync(CancellationToken);
        });

    /// <summary>The instance was created and finalized by the same message: it never reached the table.</summary>
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) =>
        Locked(() =>
        {
            var entry = _dbContext.ChangeTracker.Entries<TSaga>().SingleOrDefault(x => ReferenceEquals(x.Entity, context.Saga));
            if (entry is { State: EntityState.Modified })
            {
                entry.State = EntityState.Unchanged;
            }

            return Task.FromResult(true);
        });

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _consumeContextFactory.CreateSagaConsumeContext(_dbContext, consumeContext, instance, mode);

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
