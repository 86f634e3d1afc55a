using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transcoding.ServiceDefaults;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.StatusApi;

/// <summary>The status API on the PostgreSQL saga store: an outage of the database is a 503 with Retry-After, not a 500.</summary>
public sealed class When_the_database_is_down : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private WebApplicationFactory<Program>? _factory;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new OrchestratorFactory().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString));
    }

    [Fact]
    public async Task Status_and_retry_answer_503_with_retry_after()
    {
        var client = OrchestratorFactory.ClientFor(_factory!, OrchestratorFactory.OperatorKey);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{id}")).StatusCode);

        await _database.RefuseConnectionsAsync();

        foreach (var response in new[] { await client.GetAsync($"/media/{id}"), await client.PostAsync($"/media/{id}/retry", null) })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailableFilter.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
