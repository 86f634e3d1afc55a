using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

public sealed class CancelTranscodeConsumerTests : DispatcherScenario
{
    [Fact]
    public async Task When_an_attempt_with_a_job_is_cancelled_RunPod_is_asked_to_cancel_that_job()
    {
        var mediaId = Guid.NewGuid();
        await Host.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 2, "job-to-cancel", CancellationToken.None);
        RunPod.Script("cancel", ScriptedResponse.Job("job-to-cancel", "CANCELLED"));

        await CancelAsync(mediaId, 2);

        var call = Assert.Single(RunPod.Calls("cancel"));
        Assert.Equal(("POST", "job-to-cancel"), (call.Method, call.JobId));
    }

    [Fact]
    public async Task When_an_attempt_without_a_job_is_cancelled_RunPod_is_not_called()
    {
        await CancelAsync(Guid.NewGuid(), 1);

        Assert.Empty(RunPod.Requests);
    }

    private async Task CancelAsync(Guid mediaId, int attempt)
    {
        await Host.Harness.Bus.Publish(new CancelTranscode { MediaId = mediaId, Attempt = attempt, Reason = "test" });
        await Eventually.True(() => Host.Harness.Consumed.Select<CancelTranscode>(message => message.Context.Message.MediaId == mediaId).Any(), "the CancelTranscode consumed");
    }
}
