namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>The behaviour table on MassTransit's in-memory saga repository (<c>make run</c>, <c>make up</c>).</summary>
public sealed class On_the_in_memory_saga_store : MediaQueryBehaviour
{
    protected override Task<IMediaQueryStore> CreateStoreAsync(DateTimeOffset now) => Task.FromResult<IMediaQueryStore>(new InMemoryMediaQueryStore(now));
}
