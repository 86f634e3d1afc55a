using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcoding.Orchestrator.Auth;

public static class CallerEndpoints
{
    /// <summary><c>GET /me</c> (reader: the fallback policy): who the credentials name and their role, so the dashboard
    /// shows operator buttons to operators only; 401 without valid credentials, 403 for a caller with no role.</summary>
    public static IEndpointRouteBuilder MapCaller(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new Caller(CallerIdentity.NameOf(user), CallerIdentity.RoleOf(user)!)))
            .WithTags("Auth").WithName("GetCaller");
        return app;
    }
}
