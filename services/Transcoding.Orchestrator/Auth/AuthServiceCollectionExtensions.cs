using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>The scheme requests go through: it picks <see cref="JwtBearerDefaults.AuthenticationScheme"/>,
    /// <see cref="ApiKeyAuthenticationHandler"/> or <see cref="LoopbackAuthenticationHandler"/> by what the request carries.</summary>
    public const string SelectorScheme = "BearerOrApiKey";

    /// <summary>
    /// Authentication and authorization of the orchestrator's API from section <c>Auth</c> (<see cref="AuthOptions"/>,
    /// validated at start-up). The fallback policy is <see cref="Roles.Reader"/>: every endpoint that says nothing
    /// (status API, list, stats, playback JSON, faults, OpenAPI, routes added later) needs a reader, and only routes
    /// marked <c>AllowAnonymous</c> (health, the signed playback route) or <see cref="Roles.Operator"/> differ.
    /// </summary>
    public static IServiceCollection AddOrchestratorAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>((auth, environment) => !auth.OpenOnLoopback || AuthOptions.AllowsOpenOnLoopback(environment), AuthOptions.OpenOnLoopbackOutsideDevelopment)
            .ValidateOnStart();
        services.AddSingleton<ApiKeyRing>();
        services.TryAddSingleton<StartupRefusal>();
        services.AddHostedService<LoopbackListeningCheck>();

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, SelectorScheme, policy => policy.ForwardDefaultSelector = context => SchemeFor(context, auth))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, LoopbackAuthenticationHandler>(LoopbackAuthenticationHandler.SchemeName, null);
        if (auth.HasAuthority)
        {
            authentication.AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, options) =>
            {
                var settings = options.Value;
                jwt.Authority = settings.Authority;
                jwt.Audience = settings.Audience;

                // AuthOptions admits http only for a loopback issuer (a local identity provider, the tests' issuer).
                jwt.RequireHttpsMetadata = new Uri(settings.Authority!).Scheme == Uri.UriSchemeHttps;

                // Claims keep the issuer's names ("roles", "sub"), so Auth:RoleClaim means what the issuer writes.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
                jwt.TokenValidationParameters.NameClaimType = "name";
            });
        }

        var reader = new AuthorizationPolicyBuilder().RequireRole(Roles.ReaderOrOperator).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Reader, reader)
            .AddPolicy(Roles.Operator, policy => policy.RequireRole(Roles.Operator))
            .SetFallbackPolicy(reader);
        return services;
    }

    /// <summary>A key header means the key scheme, a bearer header the token scheme (when an issuer is configured):
    /// credentials presented are always checked, never replaced by the loopback identity. Without either, a loopback
    /// caller is <c>local</c> when open; anyone else is challenged by the token scheme, or the key scheme without one.</summary>
    private static string SchemeFor(HttpContext context, AuthOptions auth)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            return auth.HasAuthority ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
        }

        if (auth.OpenOnLoopback && LoopbackAuthenticationHandler.IsLocal(context))
        {
            return LoopbackAuthenticationHandler.SchemeName;
        }

        return auth.HasAuthority ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
    }
}
