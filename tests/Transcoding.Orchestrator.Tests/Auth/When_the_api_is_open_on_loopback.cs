using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Orchestrator.Auth;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;
using Transcoding.Shared;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Auth;

/// <summary><c>Auth:OpenOnLoopback</c> (<c>make run</c>, tests): loopback callers are the operator <c>local</c>, on a
/// server that listens on loopback only.</summary>
public sealed class When_the_api_is_open_on_loopback
{
    [Fact]
    public async Task A_loopback_caller_without_credentials_is_the_operator_local_but_a_presented_key_is_still_checked()
    {
        await using var app = await StartAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal(new Caller(LoopbackAuthenticationHandler.LocalName, Roles.Operator), await client.GetFromJsonAsync<Caller>("/me", JsonDefaults.Web));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/media/{Guid.NewGuid()}/retry", null)).StatusCode);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "not a configured key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);
    }

    [Theory]
    [InlineData("Host", "localhost:8080")]
    [InlineData("Host", "[::1]")]
    [InlineData("Origin", "http://localhost:5173")]
    [InlineData("Origin", "http://[::1]:8080")]
    public async Task A_loopback_caller_naming_a_loopback_host_or_origin_is_still_local(string header, string value)
    {
        await using var app = await StartAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(new Caller(LoopbackAuthenticationHandler.LocalName, Roles.Operator), await response.Content.ReadFromJsonAsync<Caller>(JsonDefaults.Web));
    }

    /// <summary>DNS rebinding (another name for 127.0.0.1), another web site's request (its Origin), or a reverse proxy
    /// on the same host (forwarding headers): the connection is from loopback, the caller is not.</summary>
    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("Host", "evil.example:8080")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "localhost")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task A_rebound_cross_site_or_proxied_request_on_loopback_is_unauthenticated(string header, string value)
    {
        await using var app = await StartAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "/me", header, value));
        // A web page's "simple" request (text/plain, no preflight): the same handler guards make up's POST /uploads.
        Assert.Equal(HttpStatusCode.Unauthorized,
            await SendAsync(client, HttpMethod.Post, $"/media/{Guid.NewGuid()}/retry", header, value, new StringContent("{}")));
    }

    [Fact]
    public async Task Start_up_is_refused_when_the_server_listens_beyond_loopback()
    {
        await using var app = await StartAsync("http://0.0.0.0:0");

        Assert.True(app.Lifetime.ApplicationStopping.IsCancellationRequested, "the application was not stopped");
        Assert.Contains("Auth:OpenOnLoopback is for development on loopback only", app.Services.GetRequiredService<StartupRefusal>().Reason);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_up_is_refused_outside_development_and_testing_even_on_loopback(string environment)
    {
        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("http://127.0.0.1:0", environment));

        Assert.Contains("Auth:OpenOnLoopback is for development only, but ASPNETCORE_ENVIRONMENT is neither Development nor Testing", refusal.Message);
    }

    [Fact]
    public async Task A_caller_without_a_loopback_address_is_not_let_in()
    {
        // TestServer sets no remote address: the request is from nowhere in particular, not from this machine.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Auth:OpenOnLoopback", "true");
            host.UseSetting("Playback:SigningKey", OrchestratorFactory.SigningKey);
        });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string header, string value, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(header, value);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<WebApplication> StartAsync(string url, string environment = LoopbackOrchestrator.EnvironmentName)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(LoopbackOrchestrator.Settings) { ["urls"] = url });
        builder.Logging.ClearProviders();
        builder.AddOrchestrator();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapStatusApi();
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
