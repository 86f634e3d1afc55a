namespace Transcoding.Orchestrator.Auth;

/// <summary>
/// The two roles of the orchestrator's API (issue 17) and the authorization policies of the same names: <c>reader</c>
/// (GET routes, playback, the faults list) and <c>operator</c> (everything a reader can, plus retry, cancel, replay and
/// purge). A caller holds one of them: an API key's <c>Role</c>, a token's <c>Auth:RoleClaim</c>, or <c>local</c>.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Operator = "operator";

    /// <summary>The roles a policy admits: operator includes reader.</summary>
    public static readonly IReadOnlyList<string> ReaderOrOperator = [Reader, Operator];

    public static bool IsKnown(string? role) => role is Reader or Operator;
}
