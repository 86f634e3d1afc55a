using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>MassTransit's in-memory saga repository, registered as <c>AddOrchestratorSagas</c> registers it; rows go into
/// its dictionary as the saga's own instances, read by <see cref="InMemoryMediaQueries"/>.</summary>
public sealed class InMemoryMediaQueryStore : IMediaQueryStore
{
    private readonly ServiceProvider _services;

    public InMemoryMediaQueryStore(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.RegisterInMemorySagaRepository<TranscodeState>();
        _services = services.BuildServiceProvider();
        Queries = new InMemoryMediaQueries(
            _services.GetRequiredService<IQuerySagaRepository<TranscodeState>>(), _services.GetRequiredService<ILoadSagaRepository<TranscodeState>>(), Time);
    }

    public FakeTimeProvider Time { get; }

    public IMediaQueries Queries { get; }

    public Task AddAsync(IReadOnlyCollection<TranscodeState> sagas)
    {
        var dictionary = _services.GetRequiredService<IndexedSagaDictionary<TranscodeState>>();
        foreach (var saga in sagas)
        {
            dictionary.Add(new SagaInstance<TranscodeState>(saga));
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
