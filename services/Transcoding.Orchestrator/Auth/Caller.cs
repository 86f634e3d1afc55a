namespace Transcoding.Orchestrator.Auth;

/// <summary><c>GET /me</c>: the caller's name (an API key's <c>Name</c>, a token's <c>name</c>, <c>preferred_username</c>
/// or <c>sub</c>, or <c>local</c>) and role, <c>reader</c> or <c>operator</c>.</summary>
public sealed record Caller(string Name, string Role);
