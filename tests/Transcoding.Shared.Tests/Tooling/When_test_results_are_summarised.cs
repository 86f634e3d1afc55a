using System.Text;
using CliWrap;
using Transcoding.Testing;

namespace Transcoding.Shared.Tests.Tooling;

/// <summary>
/// <c>scripts/test-summary.sh</c>, the last lines of <c>make test</c> and so of CI's log tail: each failure named with
/// the first line of its message, an aborted test host (and the test it was running) ahead of the 20-line cap, counts
/// per result, and no results said as such. Fed TRX files shaped as VSTest writes them.
/// </summary>
public sealed class When_test_results_are_summarised : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("test-summary-").FullName;

    [Fact]
    public async Task Each_failure_is_named_with_the_first_line_of_its_message()
    {
        Trx("a.trx",
            Result("Ns.C.Passes", "Passed"),
            Result("Ns.C.Skipped", "NotExecuted"),
            Result("Ns.C.Fails(s: &quot;a&lt;b&gt;&quot;)", "Failed", "&#xA;Assert.Equal() Failure: caf\u00e9 &amp; &lt;tag&gt;&#xD;&#xA;Expected: 1\nActual: 2"),
            Result("Ns.C.Errs", "Error"));

        var lines = await SummaryAsync();

        Assert.Equal(
            [
                "failed: Ns.C.Fails(s: \"a<b>\") (Failed): Assert.Equal() Failure: caf\u00e9 & <tag>",
                "failed: Ns.C.Errs (Error)",
                "tests: 1 passed, 2 failed, 1 skipped",
            ],
            lines);
    }

    [Fact]
    public async Task An_aborted_host_and_the_test_it_was_running_come_before_the_cap()
    {
        Trx("b.trx", [.. Enumerable.Range(0, 22).Select(i => Result($"Ns.C.T{i}", "Failed", $"m{i}"))], aborted: true);
        var sequence = Path.Combine(_results, "5f1c", "Sequence_5f1c.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(sequence)!);
        File.WriteAllText(sequence, """
            <?xml version="1.0"?>
            <TestSequence>
              <Test Name="Ns.C.T0" DisplayName="Ns.C.T0" Source="/x/Ns.Tests.dll" Completed="True" />
              <Test Name="Ns.C.Hangs" DisplayName="Ns.C.Hangs(n: 1)" Source="/x/Ns.Tests.dll" Completed="False" />
            </TestSequence>
            """);

        var lines = await SummaryAsync();

        Assert.Equal("failed: (a test host aborted; see b.trx)", lines[0]);
        Assert.Equal("aborted while running: Ns.C.Hangs(n: 1) (Ns.Tests.dll)", lines[1]);
        Assert.Equal("failed: Ns.C.T0 (Failed): m0", lines[2]);
        Assert.Equal("failed: ... and 2 more", lines[^2]);
        Assert.Equal("tests: 0 passed, 23 failed, 0 skipped", lines[^1]);
    }

    [Fact]
    public async Task A_long_message_is_cut_on_a_character_boundary()
    {
        Trx("c.trx", Result("Ns.C.Long", "Failed", "a" + new string('\u20ac', 200)));

        var line = (await SummaryAsync())[0];

        Assert.StartsWith("failed: Ns.C.Long (Failed): a\u20ac", line);
        Assert.EndsWith("\u20ac...", line);
        Assert.DoesNotContain('\ufffd', line);
    }

    [Fact]
    public async Task No_results_are_not_a_clean_run()
    {
        Assert.Equal([$"tests: no results (no TRX file in {_results})"], await SummaryAsync());
    }

    public void Dispose() => Directory.Delete(_results, recursive: true);

    private static string Result(string name, string outcome, string? message = null) =>
        $"""<UnitTestResult executionId="e" testId="t" testName="{name}" duration="00:00:00.01" outcome="{outcome}" testListId="l">"""
        + (message is null ? "" : $"<Output><ErrorInfo><Message>{message}</Message><StackTrace>at X</StackTrace></ErrorInfo></Output>")
        + "</UnitTestResult>";

    private void Trx(string file, string[] results, bool aborted = false) => File.WriteAllText(
        Path.Combine(_results, file),
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="r" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            {string.Join("\n    ", results)}
          </Results>
          <ResultSummary outcome="{(aborted ? "Failed" : "Completed")}">
            <RunInfos>{(aborted ? "<RunInfo computerName=\"vm\" outcome=\"Error\"><Text>The active test run was aborted. Reason: Test host process crashed</Text></RunInfo>" : "")}</RunInfos>
          </ResultSummary>
        </TestRun>
        """,
        new UTF8Encoding(false));

    private void Trx(string file, params string[] results) => Trx(file, results, aborted: false);

    private async Task<string[]> SummaryAsync()
    {
        var run = await Cli.Wrap("bash").WithArguments([Path.Combine(Repository.Root, "scripts", "test-summary.sh"), _results]).ExecuteBoundBufferedAsync();
        return run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
