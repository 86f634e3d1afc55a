namespace Transcoding.Shared.Webhooks;

/// <summary>
/// What a failure's code and message may hold once a report becomes <c>TranscodeFailed</c>, applied in one place
/// (<see cref="CallbackMessages.ToMessage"/>) to every report from outside: the worker's signed callback and RunPod's
/// job webhook (gateway), RunPod's <c>/status</c> (dispatcher poll). Codes and messages end up in the saga's history,
/// the status API, <c>MediaTranscodeFailed</c>, logs and the ops tables.
/// <list type="bullet">
/// <item>A code is a token: 1 to <see cref="MaxCodeLength"/> characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>, like every
/// code we set (README "Failure codes", <c>gpu-image/README.md</c>). Any other code becomes <see cref="MalformedCode"/>,
/// transient or permanent as reported, and the message starts with the reported code, control characters removed and
/// cut to <see cref="MaxQuotedCodeLength"/> characters: <c>reported code 'a b': {message}</c>.</item>
/// <item>A message has each character <see cref="DisplayCharacters.IsUnsafe"/> refuses (control characters, line and
/// paragraph separators, bidirectional embeddings, overrides and isolates) replaced by a space, and is cut to
/// <see cref="MaxMessageLength"/> characters (never inside a surrogate pair).</item>
/// </list>
/// </summary>
public static class FailureReportRules
{
    public const int MaxCodeLength = 64;

    /// <summary>The longest part of a malformed code that is kept in the message, in characters.</summary>
    public const int MaxQuotedCodeLength = 100;

    /// <summary>The longest message kept, in characters.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>The code of a failure reported with a code that is not a token.</summary>
    public const string MalformedCode = "worker_error";

    public static bool IsCode(string? code) =>
        code is { Length: > 0 and <= MaxCodeLength } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>The error with a token code and a safe message (see the rules above); an error that follows them is returned equal.</summary>
    public static CallbackError Apply(CallbackError error) => IsCode(error.Code)
        ? error with { Message = Message(error.Message) }
        : error with
        {
            Code = MalformedCode,
            Message = Message($"reported code '{DisplayCharacters.Cut(DisplayCharacters.Clean(error.Code, replacement: null), MaxQuotedCodeLength)}': {error.Message}"),
        };

    /// <summary>The message with control characters replaced by spaces, cut to <see cref="MaxMessageLength"/>.</summary>
    public static string Message(string message) => DisplayCharacters.Cut(DisplayCharacters.Clean(message, replacement: ' '), MaxMessageLength);
}
