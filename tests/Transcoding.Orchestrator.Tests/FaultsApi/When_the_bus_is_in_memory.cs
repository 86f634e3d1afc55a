using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary><c>make run</c> and <c>make up</c> run on the in-memory bus: no broker, so no error queue to show or act on.</summary>
public sealed class When_the_bus_is_in_memory : IAsyncLifetime
{
    private readonly OrchestratorFactory _factory = new();

    [Fact]
    public async Task Every_faults_route_answers_503_with_the_reason()
    {
        var client = OrchestratorFactory.ClientFor(_factory, OrchestratorFactory.OperatorKey);

        foreach (var response in new[]
        {
            await client.GetAsync("/faults"),
            await client.PostAsJsonAsync("/faults/replay", new { all = true }),
            await client.PostAsJsonAsync("/faults/purge", new { all = true }),
        })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("the bus is in memory", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
