namespace Transcoding.Orchestrator.Auth;

/// <summary>One API key of <c>Auth:ApiKeys</c>: who it is (<see cref="Name"/>, shown by <c>GET /me</c>), the SHA-256 of
/// the key in hex (64 digits, either case; the key itself is never configured) and its <see cref="Roles"/> role.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public string Role { get; set; } = "";
}
