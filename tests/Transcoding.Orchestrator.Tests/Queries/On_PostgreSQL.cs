namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>The behaviour table on the PostgreSQL saga store (a migrated database on the test server).</summary>
public sealed class On_PostgreSQL : MediaQueryBehaviour
{
    protected override async Task<IMediaQueryStore> CreateStoreAsync(DateTimeOffset now) => await PostgresMediaQueryStore.CreateAsync(now);
}
