using System.Net;

namespace Transcoding.Dashboard.Tests;

/// <summary>The dashboard's files come from the orchestrator itself, to anyone (they hold no data), JavaScript as JavaScript.</summary>
[Collection(DashboardTests.Name)]
public sealed class When_the_dashboard_is_served(DashboardSite site)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/app.js", "text/javascript")]
    [InlineData("/dashboard/style.css", "text/css")]
    [InlineData("/dashboard/vendor/hls.js/dist/hls.min.mjs", "text/javascript")]
    [InlineData("/dashboard/vendor/waveform-data/dist/waveform-data.esm.js", "text/javascript")]
    public async Task Its_files_are_served_without_a_credential(string path, string type)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Files, API answers and refusals alike: no sniffing, no framing, no referrer, the dashboard's policy.</summary>
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/dashboard/app.js", HttpStatusCode.OK)]
    [InlineData("/media/stats", HttpStatusCode.Unauthorized)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };

        using var response = await http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }
}
