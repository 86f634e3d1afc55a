using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>A new database on the test PostgreSQL, migrated as the orchestrator migrates it; rows are written through
/// the saga's EF model, read by <see cref="PostgresMediaQueries"/>.</summary>
public sealed class PostgresMediaQueryStore : IMediaQueryStore
{
    private readonly PostgresDatabase _database;
    private readonly TranscodeDbContext _queryContext;

    private PostgresMediaQueryStore(PostgresDatabase database, FakeTimeProvider time)
    {
        _database = database;
        Time = time;
        _queryContext = NewContext();
        Queries = new PostgresMediaQueries(_queryContext, time);
    }

    public FakeTimeProvider Time { get; }

    public IMediaQueries Queries { get; }

    public PostgresDatabase Database => _database;

    public static async Task<PostgresMediaQueryStore> CreateAsync(DateTimeOffset now)
    {
        var database = await PostgresDatabase.CreateAsync();
        var store = new PostgresMediaQueryStore(database, new FakeTimeProvider(now));
        await using var db = store.NewContext();
        await db.Database.MigrateAsync();
        return store;
    }

    public TranscodeDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TranscodeDbContext>().UseNpgsql(_database.ConnectionString).Options);

    public async Task AddAsync(IReadOnlyCollection<TranscodeState> sagas)
    {
        await using var db = NewContext();
        db.AddRange(sagas);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _queryContext.DisposeAsync();
        await _database.DisposeAsync();
    }
}
