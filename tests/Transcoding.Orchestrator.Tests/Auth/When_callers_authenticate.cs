using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Auth;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Auth;

/// <summary>
/// The orchestrator (TestServer) trusting a real OpenID Connect issuer (<see cref="OidcIssuer"/>, Kestrel on loopback:
/// JwtBearer fetches its metadata and keys) and the API keys of <see cref="OrchestratorFactory"/>.
/// </summary>
public sealed class When_callers_authenticate : IAsyncLifetime
{
    private OidcIssuer _issuer = null!;
    private WebApplicationFactory<Program> _orchestrator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await OidcIssuer.StartAsync();
        _orchestrator = new OrchestratorFactory().WithWebHostBuilder(host =>
        {
            host.UseSetting("Auth:Authority", _issuer.Url);
            host.UseSetting("Auth:Audience", OidcIssuer.Audience);
        });
    }

    public async Task DisposeAsync()
    {
        await _orchestrator.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_reader_token_reads_and_is_refused_retry_and_cancel_with_403()
    {
        using var client = Bearer(_issuer.Token("rita", [Roles.Reader]));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/media/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/media/{Guid.NewGuid()}/cancel", null)).StatusCode);
        Assert.Equal(new Caller("rita", Roles.Reader), await client.GetFromJsonAsync<Caller>("/me", JsonDefaults.Web));
    }

    [Fact]
    public async Task An_operator_token_retries_a_failed_item()
    {
        using var client = Bearer(_issuer.Token("olga", [Roles.Reader, Roles.Operator]));
        var id = Guid.NewGuid();
        var bus = _orchestrator.Services.GetRequiredService<IBus>();
        await bus.Publish(new MediaUploaded { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", ContentType = "video/mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow });
        await Eventually.Until(() => State(client, id), state => state == MediaStates.Transcoding, "the item transcoding");
        await bus.Publish(new TranscodeFailed { MediaId = id, Attempt = 1, ErrorCode = "source_unreadable", ErrorMessage = "x", Permanent = true });
        await Eventually.Until(() => State(client, id), state => state == MediaStates.Failed, "the item failed");

        var retry = await client.PostAsync($"/media/{id}/retry", null);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(new Caller("olga", Roles.Operator), await client.GetFromJsonAsync<Caller>("/me", JsonDefaults.Web));
    }

    public static TheoryData<string> RefusedTokens => new() { "wrong audience", "expired", "wrong signing key", "no role", "not a token" };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_the_issuer_did_not_make_for_this_api_or_that_ended_is_refused(string kind)
    {
        using var client = Bearer(kind switch
        {
            "wrong audience" => _issuer.Token("rita", [Roles.Operator], audience: "another-api"),
            "expired" => _issuer.Token("rita", [Roles.Operator], expiresIn: TimeSpan.FromHours(-1)),
            "wrong signing key" => _issuer.ForeignToken("rita", [Roles.Operator]),
            "no role" => _issuer.Token("rita", []),
            _ => "garbage",
        });

        var answer = await client.GetAsync($"/media/{Guid.NewGuid()}");

        // A valid token without a role is somebody, just not allowed: 403; the others are nobody: 401.
        Assert.Equal(kind == "no role" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Theory]
    [InlineData("/media/3f1c0a5e-0000-4000-8000-000000000001")]
    [InlineData("/media/3f1c0a5e-0000-4000-8000-000000000001/playback")]
    [InlineData("/me")]
    [InlineData("/openapi/v1.json")]
    public async Task Without_credentials_every_api_route_answers_401(string path)
    {
        using var client = _orchestrator.CreateClient();

        var answer = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains(answer.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_needs_no_credentials(string path)
    {
        using var client = _orchestrator.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Api_keys_act_by_their_role()
    {
        using var reader = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.ReaderKey);
        using var @operator = OrchestratorFactory.ClientFor(_orchestrator, OrchestratorFactory.OperatorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/media/{Guid.NewGuid()}/retry", null)).StatusCode);
        // Past authorization: the unknown item is what refuses.
        Assert.Equal(HttpStatusCode.NotFound, (await @operator.PostAsync($"/media/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(new Caller("test-reader", Roles.Reader), await reader.GetFromJsonAsync<Caller>("/me", JsonDefaults.Web));
        Assert.Equal(new Caller("test-operator", Roles.Operator), await @operator.GetFromJsonAsync<Caller>("/me", JsonDefaults.Web));
    }

    [Theory]
    [InlineData("an unknown key")]
    [InlineData("")]
    public async Task An_unknown_key_is_refused_with_401(string key)
    {
        using var client = _orchestrator.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/media/{Guid.NewGuid()}")).StatusCode);
    }

    private HttpClient Bearer(string token)
    {
        var client = _orchestrator.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string?> State(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/media/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web))!.State;
    }
}
