using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Auth;

/// <summary>
/// A small OpenID Connect issuer on 127.0.0.1 (real Kestrel): <c>/.well-known/openid-configuration</c> and its JWKS
/// with one RSA key, so the orchestrator's JwtBearer fetches real metadata and checks real RS256 signatures. Tokens are
/// made by <see cref="Token"/>; <see cref="ForeignToken"/> signs with a key the JWKS does not hold.
/// </summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    public const string Audience = "transcoding-api";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = NewKey("issuer-key-1");

    private OidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer URL (<c>http://127.0.0.1:port</c>): the tokens' <c>iss</c> and <c>Auth:Authority</c>.</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<OidcIssuer> StartAsync()
    {
        var app = LoopbackApp.CreateBuilder().Build();
        var issuer = new OidcIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Url,
            ["jwks_uri"] = issuer.Url + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = issuer._key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = issuer._key.KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        return issuer;
    }

    /// <summary>A token of this issuer for <paramref name="audience"/> whose <c>roles</c> claim holds <paramref name="roles"/>,
    /// valid for the 20 minutes up to now + <paramref name="expiresIn"/> (10 minutes by default; negative: expired).</summary>
    public string Token(string name, string[] roles, string audience = Audience, TimeSpan? expiresIn = null) =>
        Sign(_key, name, roles, audience, expiresIn ?? TimeSpan.FromMinutes(10));

    /// <summary>The same token signed with a key of the same id that the JWKS does not hold (a forger's).</summary>
    public string ForeignToken(string name, string[] roles) => Sign(NewKey(_key.KeyId), name, roles, Audience, TimeSpan.FromMinutes(10));

    private string Sign(RsaSecurityKey key, string name, string[] roles, string audience, TimeSpan expiresIn)
    {
        var now = DateTime.UtcNow;
        var claims = new ClaimsIdentity([new Claim("sub", name + "-id"), new Claim("name", name), .. roles.Select(role => new Claim("roles", role))]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Url,
            Audience = audience,
            Subject = claims,
            IssuedAt = now + expiresIn - TimeSpan.FromMinutes(20),
            NotBefore = now + expiresIn - TimeSpan.FromMinutes(20),
            Expires = now + expiresIn,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static RsaSecurityKey NewKey(string id) => new(RSA.Create(2048)) { KeyId = id };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
