using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Transcoding.Orchestrator.Auth;

/// <summary>
/// The credentials in the OpenAPI document (issue 17): the <c>X-Api-Key</c> header scheme and the bearer JWT scheme in
/// <c>components.securitySchemes</c>, and on every operation that is not anonymous either of them as its security
/// requirement with its 401 (no or a wrong credential) and 403 (a role that may not) answers.
/// </summary>
public static class AuthOpenApi
{
    public static OpenApiOptions AddCredentials(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key from Auth:ApiKeys (reader or operator).",
            };
            document.Components.SecuritySchemes[JwtBearerDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token of the configured OpenID Connect issuer (Auth:Authority, Auth:Audience).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            operation.Security ??= [];
            foreach (var scheme in new[] { ApiKeyAuthenticationHandler.SchemeName, JwtBearerDefaults.AuthenticationScheme })
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
            }

            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credential, or one that is unknown, expired or for another audience." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The credential's role may not do this (operating needs the operator role)." });
            return Task.CompletedTask;
        });
        return options;
    }
}
