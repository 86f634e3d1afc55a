namespace Transcoding.Chaos.Tests;

/// <summary>
/// <see cref="ChaosReport.Merge"/>: CHAOS.md holds the fault run's and the load run's sections; each run replaces its
/// own and keeps the other's byte for byte.
/// </summary>
public sealed class When_the_report_is_merged
{
    private static readonly ChaosOptions FaultRun = ChaosOptions.Parse(["--seed", "7"]);
    private static readonly ChaosOptions LoadRun = ChaosOptions.Parse(["--seed", "7", "--load"]);

    [Fact]
    public void A_new_file_gets_the_title_the_intro_and_this_runs_section()
    {
        var section = Section("faults", "new fault run");

        var merged = ChaosReport.Merge(null, FaultRun, section);

        Assert.StartsWith("# Chaos\n\nWritten by `make chaos`", merged, StringComparison.Ordinal);
        Assert.EndsWith("Each run replaces its own section.\n\n" + section, merged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_with_both_sections_keeps_the_other_runs_byte_for_byte_and_replaces_this_runs(bool load)
    {
        var faults = Section("faults", "old fault run | with a pipe \\| and\n\n| a | table |");
        var loadSection = Section("load", "old load run\n- Seed: 3");
        var existing = ChaosReport.Merge(ChaosReport.Merge(null, FaultRun, faults), LoadRun, loadSection);
        var replacement = Section(load ? "load" : "faults", "this run");

        var merged = ChaosReport.Merge(existing, load ? LoadRun : FaultRun, replacement);

        Assert.Equal(existing.Replace(load ? loadSection : faults, replacement, StringComparison.Ordinal), merged);
        Assert.Contains(load ? faults : loadSection, merged, StringComparison.Ordinal);
        Assert.DoesNotContain(load ? "old load run" : "old fault run", merged, StringComparison.Ordinal);
        Assert.True(merged.IndexOf("<!-- chaos:faults -->", StringComparison.Ordinal) < merged.IndexOf("<!-- chaos:load -->", StringComparison.Ordinal));
    }

    [Fact]
    public void Merging_the_same_section_again_changes_nothing()
    {
        var once = ChaosReport.Merge(ChaosReport.Merge(null, LoadRun, Section("load", "load run")), FaultRun, Section("faults", "fault run"));

        Assert.Equal(once, ChaosReport.Merge(once, FaultRun, Section("faults", "fault run")));
    }

    [Theory]
    [InlineData("# Chaos\n\nAn older report without sections: figures of an earlier format.\n")]
    [InlineData("# Chaos\n\n<!-- chaos:load -->\n## Load run\ncut off before its end marker\n")]
    public void A_file_without_a_whole_section_of_the_other_run_is_replaced(string existing)
    {
        var section = Section("faults", "this run");

        Assert.Equal(ChaosReport.Merge(null, FaultRun, section), ChaosReport.Merge(existing, FaultRun, section));
    }

    // The shape ChaosReport.Write gives a section: its markers around the text, a newline after the end marker.
    private static string Section(string run, string text) => $"<!-- chaos:{run} -->\n{text}\n<!-- /chaos:{run} -->\n";
}
