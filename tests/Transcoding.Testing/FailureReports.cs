using Transcoding.Shared.Webhooks;
using Xunit;

namespace Transcoding.Testing;

/// <summary>Failures reported from outside (worker, RunPod) and the code and message each must become in
/// <c>TranscodeFailed</c> (<see cref="FailureReportRules"/>), whichever way the report comes.</summary>
public static class FailureReports
{
    private static readonly string LongestCode = new('c', FailureReportRules.MaxCodeLength);

    /// <summary>scenario, reported code, reported message → published code, published message.</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "a token", "source_unreadable", "Invalid data", "source_unreadable", "Invalid data" },
        { "the longest token", LongestCode, "m", LongestCode, "m" },
        { "newline in the code", "a\nb", "boom", FailureReportRules.MalformedCode, "reported code 'ab': boom" },
        { "capitals and a dash", "Source-Unreadable", "m", FailureReportRules.MalformedCode, "reported code 'Source-Unreadable': m" },
        { "a space", "encode failed", "m", FailureReportRules.MalformedCode, "reported code 'encode failed': m" },
        { "non-ASCII letter", "d\u00e9code", "m", FailureReportRules.MalformedCode, "reported code 'd\u00e9code': m" },
        { "one character too long", LongestCode + "c", "m", FailureReportRules.MalformedCode, $"reported code '{LongestCode}c': m" },
        { "a huge code", new string('x', 10_000), "m", FailureReportRules.MalformedCode, $"reported code '{new string('x', FailureReportRules.MaxQuotedCodeLength)}': m" },
        { "line separator in the code", "code\u2028", "m", FailureReportRules.MalformedCode, "reported code 'code': m" },
        { "control characters in the message", "encode_failed", "line 1\r\nline 2\t\u001b[31m\u0085\u2029end\u007f", "encode_failed", "line 1  line 2  [31m  end " },
        { "bidirectional overrides and isolates in the message", "encode_failed", "file \u202Egnp.exe\u202C \u2066x\u2069 \u202Ay\u202B", "encode_failed", "file  gnp.exe   x   y " },
        { "joiners and marks that scripts need stay", "encode_failed", "\u0915\u094D\u200D\u0937 \U0001F469\u200D\U0001F4BB \u200F", "encode_failed", "\u0915\u094D\u200D\u0937 \U0001F469\u200D\U0001F4BB \u200F" },
        { "a huge message", "encode_failed", new string('m', 10_000), "encode_failed", new string('m', FailureReportRules.MaxMessageLength) },
        { "a cut through a surrogate pair", "encode_failed", new string('m', FailureReportRules.MaxMessageLength - 1) + "\U0001F600", "encode_failed", new string('m', FailureReportRules.MaxMessageLength - 1) },
    };
}
