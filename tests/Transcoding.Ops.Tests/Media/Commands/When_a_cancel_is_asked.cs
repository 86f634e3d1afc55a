using System.Text.Json;
using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Media.Commands;

public sealed class When_a_cancel_is_asked : IAsyncLifetime
{
    private FakeStatusApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeStatusApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_accepted_cancel_exits_0_and_sends_who_and_why()
    {
        var run = await OpsCli.RunAsync("media", "cancel", FakeStatusApi.Transcoding.ToString(), "--reason", "wrong file", "--requested-by", "alice", "--json", "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.JsonRoot.GetProperty("accepted").GetBoolean());
        Assert.Equal("cancel", run.JsonRoot.GetProperty("request").GetString());
        var (mediaId, body) = Assert.Single(_api.Cancels);
        Assert.Equal(FakeStatusApi.Transcoding.ToString(), mediaId);
        Assert.Empty(_api.Retries);
        using var request = JsonDocument.Parse(body);
        Assert.Equal("alice", request.RootElement.GetProperty("requestedBy").GetString());
        Assert.Equal("wrong file", request.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task People_are_told_it_was_accepted_and_how_to_follow_it()
    {
        var run = await OpsCli.RunAsync("media", "cancel", FakeStatusApi.Transcoding.ToString(), "--api", _api.Url);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Cancel of {FakeStatusApi.Transcoding} accepted", run.Console);
    }

    [Fact]
    public async Task A_cancel_of_a_ready_item_exits_4_with_the_orchestrators_reason()
    {
        var run = await OpsCli.RunAsync("media", "cancel", FakeStatusApi.Ready.ToString(), "--api", _api.Url);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains(FakeStatusApi.CancelRefusal, run.Error);
    }

    [Theory]
    [InlineData("0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4dff", 3)]
    [InlineData("not-a-guid", 2)]
    public async Task Errors_map_to_exit_codes(string id, int exitCode)
    {
        var run = await OpsCli.RunAsync("media", "cancel", id, "--api", _api.Url);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
