using System.Net;
using Transcoding.Gateway.Tests.Infrastructure;

namespace Transcoding.Gateway.Tests.Endpoints;

public sealed class HealthTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task When_the_gateway_runs_with_a_started_bus_it_is_live_and_ready(string path)
    {
        var response = await gateway.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_a_webhook_route_is_called_with_get_it_is_not_found_or_not_allowed()
    {
        var response = await gateway.Host.Client.GetAsync("/webhooks/transcode");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
