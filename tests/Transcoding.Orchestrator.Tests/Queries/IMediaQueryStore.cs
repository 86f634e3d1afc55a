using Microsoft.Extensions.Time.Testing;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>A saga store under <see cref="IMediaQueries"/> for the shared behaviour table (<see cref="MediaQueryBehaviour"/>):
/// rows go in as saga instances, the queries read them at the store's fake now.</summary>
public interface IMediaQueryStore : IAsyncDisposable
{
    FakeTimeProvider Time { get; }

    IMediaQueries Queries { get; }

    Task AddAsync(IReadOnlyCollection<TranscodeState> sagas);
}
