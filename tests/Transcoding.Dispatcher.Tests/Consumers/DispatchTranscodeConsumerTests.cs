using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Consumers;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

public sealed class DispatchTranscodeConsumerTests : DispatcherScenario
{
    [Fact]
    public async Task When_a_DispatchTranscode_is_redelivered_RunPod_gets_one_job_and_each_delivery_reports_its_id()
    {
        RunPod.Script("run", ScriptedResponse.Job("job-once"), ScriptedResponse.Job("job-twice"));
        var command = Command();

        await DeliverAsync(command);
        await DeliverAsync(command);

        Assert.Single(RunPod.Calls("run"));
        var dispatched = Host.Harness.Published.Select<TranscodeDispatched>().Select(message => message.Context.Message).ToList();
        Assert.Equal(2, dispatched.Count);
        Assert.All(dispatched, message =>
        {
            Assert.Equal("job-once", message.JobId);
            Assert.Equal(command.MediaId, message.MediaId);
            Assert.Equal(command.Attempt, message.Attempt);
        });
    }

    /// <summary>
    /// A dispatcher SIGKILLed while <c>/run</c> was in flight (or still retrying a 429/500) leaves its claim without a job
    /// id for <c>DispatchClaimLease</c> (5 min by default). The redelivered command meets Busy and gets only the message
    /// retries (<c>MessageRetryLimit</c> 3 from 10 s: about 70 s by default), then lands in <c>_error</c> although the
    /// claim expires minutes later; the saga's poll then reports the dispatch pending, and the item waits for an
    /// operator's replay. The command is now redelivered until past the lease (the crashed claim's here 1 s, redelivered every 200 ms).
    /// </summary>
    [Fact]
    public async Task When_a_crashed_delivery_left_its_claim_the_redelivered_command_is_submitted_once_the_claim_expires()
    {
        await using var host = await DispatcherTestHost.StartAsync(RunPod.BaseUrl, overrides: new Dictionary<string, string?>
        {
            // The lease outlasts the /run's total timeout (validated); the crashed claim below lapses after 1 s.
            ["RunPod:DispatchClaimLease"] = "00:00:03",
            ["RunPod:TotalTimeout"] = "00:00:02",
            ["RunPod:AttemptTimeout"] = "00:00:02",
            ["RunPod:DispatchClaimRedeliveryInterval"] = "00:00:00.200",
        });
        RunPod.Script("run", ScriptedResponse.Job("job-after-the-lease"));
        var command = Command();
        var ledger = host.Services.GetRequiredService<IDispatchLedger>();
        Assert.Equal(DispatchClaimStatus.Claimed, (await ledger.ClaimAsync(command.MediaId, command.Attempt, TimeSpan.FromSeconds(1), CancellationToken.None)).Status);

        await host.Harness.Bus.Publish(command);

        await Eventually.True(
            () => host.Harness.Published.Select<TranscodeDispatched>().Any() || host.Harness.Published.Select<Fault<DispatchTranscode>>().Any(),
            "the command dispatched or faulted");
        Assert.False(host.Harness.Published.Select<Fault<DispatchTranscode>>().Any(), "the command went to _error while the crashed delivery's claim had yet to expire");
        Assert.Equal("job-after-the-lease", host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
    }

    [Fact]
    public async Task When_a_new_attempt_of_the_same_media_is_dispatched_it_gets_its_own_job()
    {
        RunPod.Script("run", ScriptedResponse.Job("job-attempt-1"), ScriptedResponse.Job("job-attempt-2"));
        var first = Command();

        await DeliverAsync(first);
        await DeliverAsync(first with { Attempt = 2 });

        Assert.Equal(2, RunPod.Calls("run").Count);
        Assert.Equal(
            ["job-attempt-1", "job-attempt-2"],
            Host.Harness.Published.Select<TranscodeDispatched>().Select(message => message.Context.Message.JobId).Order());
    }

    [Fact]
    public async Task When_RunPod_rejects_the_request_the_attempt_fails_permanently_with_dispatch_rejected()
    {
        RunPod.Script("run", new ScriptedResponse(400, """{"error":"input is required and must be a JSON object"}"""));
        var command = Command();

        await DeliverAsync(command);

        Assert.Single(RunPod.Calls("run"));
        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal(command.MediaId, failed.MediaId);
        Assert.Equal(command.Attempt, failed.Attempt);
        Assert.Equal(DispatchTranscodeConsumer.RejectedErrorCode, failed.ErrorCode);
        Assert.True(failed.Permanent);
        Assert.Contains("400", failed.ErrorMessage);
        Assert.False(Host.Harness.Published.Select<TranscodeDispatched>().Any());
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task When_run_answers_a_configuration_fault_no_attempt_is_spent_and_the_command_is_redelivered_until_RunPod_accepts_it(int status)
    {
        // The first delivery and one redelivery meet the fault; the second redelivery meets a fixed configuration.
        RunPod.Script("run", new ScriptedResponse(status), new ScriptedResponse(status), ScriptedResponse.Job("job-after-fix"));
        var command = Command();

        await Host.Harness.Bus.Publish(command);

        await Eventually.True(() => Host.Harness.Published.Select<TranscodeDispatched>().Any(), "TranscodeDispatched after the fix");
        Assert.Equal("job-after-fix", Host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
        Assert.Equal(3, RunPod.Calls("run").Count);
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
        Assert.False(Host.Harness.Published.Select<Fault<DispatchTranscode>>().Any());
        var waiting = Host.Harness.Published.Select<TranscodeWaiting>().Select(message => message.Context.Message).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, message =>
        {
            Assert.Equal((command.MediaId, command.Attempt, ""), (message.MediaId, message.Attempt, message.JobId));
            Assert.Contains($"HTTP {status} on run", message.Reason);
            Assert.DoesNotContain(Host.ApiKey, message.Reason);
        });
    }

    [Fact]
    public async Task When_the_configuration_fault_outlasts_the_redeliveries_the_command_faults_for_replay_and_no_attempt_is_spent()
    {
        // RunPod:ConfigurationFaultRedeliveryLimit is 2 in these tests: three deliveries, then the _error queue.
        RunPod.Script("run", new ScriptedResponse(401), new ScriptedResponse(401), new ScriptedResponse(401), ScriptedResponse.Job("job-replayed"));
        var command = Command();

        await Host.Harness.Bus.Publish(command);

        await Eventually.True(() => Host.Harness.Published.Select<Fault<DispatchTranscode>>().Any(), "the command faulted");
        Assert.Equal(3, RunPod.Calls("run").Count);
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());

        // Replayed from the error queue once the key is fixed: the released claim lets it through.
        await DeliverAsync(command);
        Assert.Equal("job-replayed", Host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
    }

    [Fact]
    public async Task When_RunPod_stays_unavailable_the_command_faults_after_its_retries_and_a_later_delivery_can_still_dispatch()
    {
        // 4 HTTP attempts per delivery, 2 deliveries (1 message retry): 8 failures, then RunPod is back.
        RunPod.Script("run", [.. Enumerable.Repeat(new ScriptedResponse(503), 8), ScriptedResponse.Job("job-after-outage")]);
        var command = Command();

        await Host.Harness.Bus.Publish(command);

        await Eventually.True(() => Host.Harness.Published.Select<Fault<DispatchTranscode>>().Any(), "the command faulted");
        Assert.Equal(8, RunPod.Calls("run").Count);
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());

        // Replayed from the error queue: the released claim lets it through.
        await DeliverAsync(command);
        Assert.Equal("job-after-outage", Host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
    }

    [Fact]
    public async Task When_another_delivery_holds_a_fresh_claim_the_command_is_redelivered_and_not_submitted()
    {
        await using var host = await DispatcherTestHost.StartAsync(RunPod.BaseUrl, overrides: new Dictionary<string, string?> { ["RunPod:DispatchClaimRedeliveryInterval"] = "00:00:00.200" });
        var command = Command();
        var ledger = host.Services.GetRequiredService<IDispatchLedger>();
        await ledger.ClaimAsync(command.MediaId, command.Attempt, TimeSpan.FromMinutes(5), CancellationToken.None);

        await host.Harness.Bus.Publish(command);

        await Eventually.True(
            () => host.Harness.Consumed.Select<DispatchTranscode>(message => message.Context.Message.MediaId == command.MediaId).Count() >= 3,
            "the command delivered three times");
        Assert.Empty(RunPod.Calls("run"));
        Assert.False(host.Harness.Published.Select<Fault<DispatchTranscode>>().Any(), "faulted while the claim was still young");
    }

    private static DispatchTranscode Command() => new()
    {
        MediaId = Guid.NewGuid(),
        Attempt = 1,
        SourceKey = "uploads/source.mp4",
        SizeBytes = 1024,
    };
}
