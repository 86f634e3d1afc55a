namespace Transcoding.Dashboard.Tests;

/// <summary>
/// Each page as an operator sees it (buttons included), kept as a screenshot in <c>.test-results/screenshots/</c> and
/// scanned with axe-core: no violation of impact serious or critical (WCAG 2 A/AA rules and best practices).
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class When_the_pages_are_scanned(DashboardSite site)
{
    [Theory]
    [InlineData("overview")]
    [InlineData("list")]
    [InlineData("item-ready")]
    [InlineData("item-failed")]
    [InlineData("faults")]
    public async Task The_page_is_captured_and_has_no_serious_accessibility_violation(string name)
    {
        var (hash, waitFor) = name switch
        {
            "overview" => ("#/overview", "[data-count-state]"),
            "list" => ("#/list", "table[data-items]"),
            "item-ready" => ($"#/media/{site.Items.Ready}", "canvas.waveform[data-drawn=\"true\"]"),
            "item-failed" => ($"#/media/{site.Items.Unreadable}", "[data-failure]"),
            _ => ("#/faults", "table[data-groups]"),
        };

        var report = await Browser.RunAsync("pages", new
        {
            @base = site.Url,
            credential = site.OperatorKey,
            screenshots = Browser.Screenshots,
            pages = new[] { new { name, hash, waitFor } },
        });

        var page = report.GetProperty("pages").GetProperty(name);
        Assert.True(File.Exists(Path.Combine(Browser.Screenshots, name + ".png")));
        Assert.True(page.GetProperty("violations").GetArrayLength() == 0, $"axe-core on {name}: {page.GetProperty("violations")}");
    }
}
