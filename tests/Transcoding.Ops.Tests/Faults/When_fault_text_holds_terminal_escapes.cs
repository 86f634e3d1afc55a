using System.Text.Json;
using Spectre.Console.Testing;
using Transcoding.Faults;
using Transcoding.Ops.Cli;
using Transcoding.Ops.Faults;

namespace Transcoding.Ops.Tests.Faults;

/// <summary>Fault headers come from whoever published the message: their escape sequences must not reach the terminal.</summary>
public sealed class When_fault_text_holds_terminal_escapes
{
    private const string Hostile = "boom\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202Eevil";

    private static readonly FaultedMessage Message = FaultedMessages.Create(
        exceptionType: "System.Exception\u001b[8m", queue: "dispatch\u001b[1A_error", message: Hostile);

    [Fact]
    public void Tables_and_details_show_the_control_characters_escaped()
    {
        var terminal = new TestConsole().Width(400);

        terminal.Write(FaultView.GroupsTable(FaultGrouping.Group([Message])));
        terminal.Write(FaultView.MessagesTable("selected", [Message]));
        terminal.Write(FaultView.Details(Message));

        Assert.DoesNotContain(terminal.Output, c => char.IsControl(c) && c is not '\n' and not '\r' || c == '\u202E');
        Assert.Contains(@"boom\x1B[2J\x1B]0;pwned\x07\x9B31m\u202Eevil", terminal.Output);
        Assert.Contains(@"System.Exception\x1B[8m", terminal.Output);
        Assert.Contains(@"dispatch\x1B[1A_error", terminal.Output);
    }

    [Fact]
    public void Json_keeps_the_text_exact() =>
        Assert.Equal(Hostile, JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(FaultView.Detail(Message))).GetProperty("ExceptionMessage").GetString());

    [Theory]
    [InlineData("line 1\n\tline 2", true, "line 1\n\tline 2")]
    [InlineData("line 1\n\tline 2", false, @"line 1\x0A\x09line 2")]
    [InlineData("plain text", false, "plain text")]
    public void Line_breaks_and_tabs_stay_only_where_the_layout_needs_them(string text, bool multiline, string shown) =>
        Assert.Equal(shown, TerminalText.Clean(text, multiline));
}
