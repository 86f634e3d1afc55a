using Transcoding.Orchestrator.FaultsApi;

namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary>
/// What an id, queue or group of <c>POST /faults/replay|purge</c> may hold: the characters failure reports may show
/// (<c>DisplayCharacters.IsUnsafe</c>, the rule <c>FailureReportRules</c> applies, zero-width joiners and marks
/// included), no others, in every selector.
/// </summary>
public sealed class When_a_fault_selector_holds_unsafe_characters
{
    [Theory]
    [InlineData("dispatch-transcode_error", true)]
    [InlineData("3fa2c1d0", true)]
    [InlineData("caf\u00e9-\u65e5\u672c", true)] // letters beyond ASCII are names, not tricks
    [InlineData("a b", true)]
    [InlineData("orders\u202E", false)] // right-to-left override
    [InlineData("a\u202Ab", false)] // left-to-right embedding
    [InlineData("a\u2066b", false)] // left-to-right isolate
    [InlineData("\u0915\u094D\u200D\u0937", true)] // zero-width joiner: failure messages keep it, scripts need it
    [InlineData("a\u200Cb", true)] // zero-width non-joiner, the same
    [InlineData("a\u200Fb", true)] // right-to-left mark, the same
    [InlineData("a\u2028b", false)] // line separator
    [InlineData("a\u2029b", false)] // paragraph separator
    [InlineData("orders\0", false)] // NUL
    [InlineData("a\u007Fb", false)] // DEL
    [InlineData("a\r\nb", false)] // CR LF: a forged log line
    [InlineData("a\u0085b", false)] // NEL (C1)
    [InlineData("a\u001B[2Jb", false)] // ESC: a terminal escape
    public void Each_selector_is_refused_exactly_when_it_holds_one(string value, bool accepted)
    {
        foreach (var selection in new[] { new FaultSelection(value, null, null, false), new FaultSelection(null, value, null, false), new FaultSelection(null, null, value, false) })
        {
            var (selector, error) = selection.Selector();

            Assert.Equal(accepted, selector is not null);
            Assert.Equal(accepted ? null : FaultSelection.UnsafeCharacter, error);
        }
    }
}
