using MassTransit;
using MassTransit.Testing;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

/// <summary>
/// The saga publishes <c>DispatchTranscode</c> and, on a cancel, <c>CancelTranscode</c> for the same attempt; they
/// travel on different queues, so the cancel can overtake the dispatch or arrive while <c>/run</c> is in flight.
/// </summary>
public sealed class When_a_cancel_races_the_dispatch : DispatcherScenario
{
    [Fact]
    public async Task When_the_cancel_arrives_before_the_dispatch_no_job_is_ever_submitted()
    {
        var command = Command();

        await DeliverAsync(new CancelTranscode { MediaId = command.MediaId, Attempt = 1, Reason = "cancelled by alice" });
        await DeliverAsync(command);
        await DeliverAsync(command);

        Assert.Empty(RunPod.Requests);
        Assert.False(Host.Harness.Published.Select<TranscodeDispatched>().Any());
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
    }

    [Fact]
    public async Task When_the_cancel_arrives_while_run_is_in_flight_the_job_is_cancelled_as_soon_as_it_exists()
    {
        var release = new TaskCompletionSource();
        RunPod.Script("run", ScriptedResponse.Job("job-in-flight") with { Release = release.Task });
        RunPod.Script("cancel", ScriptedResponse.Job("job-in-flight", "CANCELLED"));
        var command = Command();
        var dispatchId = NewId.NextGuid();
        await Host.Harness.Bus.Publish(command, context => context.MessageId = dispatchId);
        await Eventually.True(() => RunPod.Calls("run").Count == 1, "/run in flight");

        // The cancel finds no job id yet: RunPod is not called, the ledger remembers the cancel.
        await DeliverAsync(new CancelTranscode { MediaId = command.MediaId, Attempt = 1, Reason = "cancelled by alice" });
        Assert.Empty(RunPod.Calls("cancel"));
        release.SetResult();
        await Eventually.True(() => Host.Harness.Consumed.Select<DispatchTranscode>(m => m.Context.MessageId == dispatchId).Any(), "the dispatch consumed");

        var cancel = Assert.Single(RunPod.Calls("cancel"));
        Assert.Equal("job-in-flight", cancel.JobId);
        Assert.False(Host.Harness.Published.Select<TranscodeDispatched>().Any());

        // A redelivery of the dispatch submits nothing more and cancels again (the first cancel may have failed).
        RunPod.Script("cancel", ScriptedResponse.Job("job-in-flight", "CANCELLED"));
        await DeliverAsync(command);
        Assert.Single(RunPod.Calls("run"));
        Assert.Equal(2, RunPod.Calls("cancel").Count);
    }

    private static DispatchTranscode Command() => new()
    {
        MediaId = Guid.NewGuid(),
        Attempt = 1,
        SourceKey = "uploads/source.mp4",
        SizeBytes = 1024,
    };
}
