using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests;

/// <summary>Program.cs itself, as deployed: configuration from settings only, in-memory bus by default.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task When_the_program_starts_with_its_secrets_it_is_healthy_and_maps_both_webhook_routes()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Webhooks:Secrets:0", WebhookSecret.Generate())
            .UseSetting("Webhooks:RunPodTokenSecret", GatewayHost.NewTokenKey()));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/webhooks/transcode", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/webhooks/runpod/{Guid.NewGuid():D}/1/token", new StringContent("{}"))).StatusCode);
    }
}
