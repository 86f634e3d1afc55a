using System.Text.Json;
using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Media.Commands;

public sealed class When_a_retry_is_asked : IAsyncLifetime
{
    private FakeStatusApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeStatusApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_accepted_retry_exits_0_and_sends_who_and_why()
    {
        var run = await OpsCli.RunAsync("media", "retry", FakeStatusApi.Retryable.ToString(), "--reason", "source re-uploaded", "--requested-by", "alice", "--json", "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.JsonRoot.GetProperty("accepted").GetBoolean());
        var (mediaId, body) = Assert.Single(_api.Retries);
        Assert.Equal(FakeStatusApi.Retryable.ToString(), mediaId);
        using var request = JsonDocument.Parse(body);
        Assert.Equal("alice", request.RootElement.GetProperty("requestedBy").GetString());
        Assert.Equal("source re-uploaded", request.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_refused_retry_exits_4_with_the_orchestrators_reason()
    {
        var run = await OpsCli.RunAsync("media", "retry", FakeStatusApi.Exhausted.ToString(), "--api", _api.Url);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains(FakeStatusApi.ExhaustedReason, run.Error);
    }

    [Fact]
    public async Task An_unknown_media_item_exits_3()
    {
        var run = await OpsCli.RunAsync("media", "retry", Guid.NewGuid().ToString(), "--api", _api.Url);

        Assert.Equal(3, run.ExitCode);
    }
}
