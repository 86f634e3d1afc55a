using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>Read-only access for <see cref="ILoadSagaRepository{TSaga}"/> and <see cref="IQuerySagaRepository{TSaga}"/> (status APIs).</summary>
public sealed class PostgresSagaQueryContext<TSaga>(DbContext dbContext, CancellationToken cancellationToken) :
    BasePipeContext(cancellationToken),
    LoadSagaRepositoryContext<TSaga>,
    QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    /// <summary>The instance, or null when there is none (as the interface documents, though it is not annotated so).</summary>
    public Task<TSaga> Load(Guid correlationId) =>
        dbContext.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken)!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var ids = await dbContext.Set<TSaga>()
            .AsNoTracking()
            .Where(query.FilterExpression)
            .Select(x => x.CorrelationId)
            .ToListAsync(cancellationToken);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
    }
}
