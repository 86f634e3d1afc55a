using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

public sealed class CancelTranscodeConsumerTests : IAsyncLifetime
{
    private ScriptedRunPodServer _runPod = null!;
    private DispatcherTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _runPod = await ScriptedRunPodServer.StartAsync();
        _host = await DispatcherTestHost.StartAsync(_runPod.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _runPod.DisposeAsync();
    }

    [Fact]
    public async Task When_an_attempt_with_a_job_is_cancelled_RunPod_is_asked_to_cancel_that_job()
    {
        var mediaId = Guid.NewGuid();
        await _host.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 2, "job-to-cancel", CancellationToken.None);
        _runPod.Script("cancel", ScriptedResponse.Job("job-to-cancel", "CANCELLED"));

        await CancelAsync(mediaId, 2);

        var call = Assert.Single(_runPod.Calls("cancel"));
        Assert.Equal(("POST", "job-to-cancel"), (call.Method, call.JobId));
    }

    [Fact]
    public async Task When_an_attempt_without_a_job_is_cancelled_RunPod_is_not_called()
    {
        await CancelAsync(Guid.NewGuid(), 1);

        Assert.Empty(_runPod.Requests);
    }

    private async Task CancelAsync(Guid mediaId, int attempt)
    {
        await _host.Harness.Bus.Publish(new CancelTranscode { MediaId = mediaId, Attempt = attempt, Reason = "test" });
        Assert.True(await Eventually.TrueAsync(() => _host.Harness.Consumed.Select<CancelTranscode>(message => message.Context.Message.MediaId == mediaId).Any()));
    }
}
