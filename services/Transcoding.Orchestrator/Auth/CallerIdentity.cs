using System.Security.Claims;

namespace Transcoding.Orchestrator.Auth;

/// <summary>The principal every scheme of the orchestrator produces: a name and one <see cref="Roles"/> role.</summary>
public static class CallerIdentity
{
    public static ClaimsPrincipal Create(string name, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The name <c>GET /me</c> shows: the identity's name (a token's <c>name</c>), else <c>preferred_username</c>,
    /// else the subject.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("preferred_username")?.Value ?? user.FindFirst("sub")?.Value ?? "";

    /// <summary>The strongest role the caller holds, or null with neither.</summary>
    public static string? RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Operator) ? Roles.Operator : user.IsInRole(Roles.Reader) ? Roles.Reader : null;
}
