using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Media.Commands;

/// <summary><c>Ops:ApiKey</c> goes as <c>X-Api-Key</c>, <c>Ops:Token</c> as a bearer token; neither is ever printed.</summary>
public sealed class When_the_status_API_needs_credentials : IAsyncLifetime
{
    private FakeStatusApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeStatusApi.StartAsync(requireCredentials: true);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("Ops:ApiKey", FakeStatusApi.ApiKey)]
    [InlineData("Ops:Token", FakeStatusApi.Token)]
    public async Task The_configured_key_or_token_is_sent_on_reads_and_requests(string setting, string secret)
    {
        var settings = new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url, [setting] = secret };

        var show = await OpsCli.RunAsync(settings, "media", "show", FakeStatusApi.Ready.ToString(), "--json");
        var retry = await OpsCli.RunAsync(settings, "media", "retry", FakeStatusApi.Retryable.ToString());

        Assert.True(show.ExitCode == 0, show.Error);
        Assert.True(retry.ExitCode == 0, retry.Error);
        Assert.DoesNotContain(secret, show.Console + show.Json + show.Error + retry.Console + retry.Error);
    }

    [Fact]
    public async Task Without_credentials_the_refusal_says_what_to_set()
    {
        var run = await OpsCli.RunAsync("media", "show", FakeStatusApi.Ready.ToString(), "--api", _api.Url);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("401", run.Error);
        Assert.Contains("Ops:ApiKey", run.Error);
    }

    [Fact]
    public async Task A_refused_key_is_not_printed()
    {
        const string wrong = "wrong-key-7c0e5b1a93";
        var run = await OpsCli.RunAsync(new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url, ["Ops:ApiKey"] = wrong }, "media", "show", FakeStatusApi.Ready.ToString());

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.DoesNotContain(wrong, run.Console + run.Error);
    }

    [Fact]
    public async Task A_key_and_a_token_together_are_refused_before_any_request_without_either_in_the_message()
    {
        var run = await OpsCli.RunAsync(
            new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url, ["Ops:ApiKey"] = FakeStatusApi.ApiKey, ["Ops:Token"] = FakeStatusApi.Token },
            "media", "show", FakeStatusApi.Ready.ToString());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Ops:ApiKey or Ops:Token", run.Error);
        Assert.DoesNotContain(FakeStatusApi.ApiKey, run.Error);
        Assert.DoesNotContain(FakeStatusApi.Token, run.Error);
    }

    /// <summary>A line break in the setting would add headers to every request (header injection).</summary>
    [Theory]
    [InlineData("Ops:ApiKey", FakeStatusApi.ApiKey)]
    [InlineData("Ops:Token", FakeStatusApi.Token)]
    public async Task A_key_or_token_with_a_line_break_inside_is_refused_before_any_request_without_its_value_in_the_message(string setting, string secret)
    {
        var run = await OpsCli.RunAsync(
            new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url, [setting] = secret + "\r\nX-Injected: 1" },
            "media", "retry", FakeStatusApi.Retryable.ToString());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{setting} must be visible ASCII", run.Error);
        Assert.DoesNotContain(secret, run.Error + run.Console);
        Assert.Empty(_api.Retries);
    }

    [Theory]
    [InlineData("Ops:ApiKey", FakeStatusApi.ApiKey)]
    [InlineData("Ops:Token", FakeStatusApi.Token)]
    public async Task A_key_or_token_read_with_a_trailing_line_break_is_sent_trimmed(string setting, string secret)
    {
        var run = await OpsCli.RunAsync(new Dictionary<string, string?> { ["Ops:ApiUrl"] = _api.Url, [setting] = secret + "\n" },
            "media", "show", FakeStatusApi.Ready.ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
    }
}
