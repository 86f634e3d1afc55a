namespace Transcoding.Dashboard.Tests;

/// <summary>Roles as the dashboard shows them and as the API enforces them.</summary>
[Collection(DashboardTests.Name)]
public sealed class When_a_reader_or_nobody_uses_the_dashboard(DashboardSite site)
{
    [Fact]
    public async Task A_reader_sees_no_retry_button_and_the_api_refuses_its_retry_with_403()
    {
        var report = await Browser.RunAsync("reader", new { @base = site.Url, credential = site.ReaderKey, id = site.Items.Retryable });

        Assert.Equal(0, report.GetProperty("retryButtons").GetInt32());
        Assert.Equal(403, report.GetProperty("retryStatus").GetInt32());
    }

    [Fact]
    public async Task Without_a_credential_the_page_asks_for_one_and_the_api_answers_401()
    {
        var report = await Browser.RunAsync("anonymous", new { @base = site.Url });

        Assert.Contains("Sign in", report.GetProperty("shown").GetString());
        Assert.All(report.GetProperty("status").EnumerateObject(), s => Assert.True(s.Value.GetInt32() == 401, $"{s.Name} answered {s.Value}"));
    }
}
