using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

public sealed class MeasureTranscodeUsageConsumerTests : DispatcherScenario
{
    [Fact]
    public async Task When_the_job_has_ended_its_delay_and_execution_time_are_published()
    {
        var mediaId = Guid.NewGuid();
        RunPod.Script("status", new ScriptedResponse(200, """{"id":"job-ended","status":"COMPLETED","delayTime":824,"executionTime":3391}"""));

        await DeliverAsync(new MeasureTranscodeUsage { MediaId = mediaId, Attempt = 2, JobId = "job-ended" });

        Assert.Equal("job-ended", Assert.Single(RunPod.Calls("status")).JobId);
        var usage = Measured(mediaId);
        Assert.Equal((2, "job-ended", "COMPLETED", 824L, 3391L), (usage.Attempt, usage.JobId, usage.JobStatus, usage.DelayTimeMs, usage.ExecutionTimeMs));
    }

    [Fact]
    public async Task When_the_job_is_still_running_it_is_read_again_until_RunPod_has_ended_it()
    {
        var mediaId = Guid.NewGuid();
        await Host.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 1, "job-finishing", CancellationToken.None);
        RunPod.Script("status",
            new ScriptedResponse(200, """{"id":"job-finishing","status":"IN_PROGRESS","delayTime":700,"executionTime":9000}"""),
            new ScriptedResponse(200, """{"id":"job-finishing","status":"IN_PROGRESS","delayTime":700,"executionTime":9050}"""),
            new ScriptedResponse(200, """{"id":"job-finishing","status":"COMPLETED","delayTime":700,"executionTime":9120}"""));

        // The saga did not know the job id: the ledger does.
        await DeliverAsync(new MeasureTranscodeUsage { MediaId = mediaId, Attempt = 1 });

        Assert.Equal(3, RunPod.Calls("status").Count);
        var usage = Measured(mediaId);
        Assert.Equal(("job-finishing", "COMPLETED", 9120L), (usage.JobId, usage.JobStatus, usage.ExecutionTimeMs));
    }

    [Fact]
    public async Task When_the_attempt_never_had_a_job_RunPod_is_not_asked_and_no_gpu_time_is_reported()
    {
        var mediaId = Guid.NewGuid();
        await Host.Services.GetRequiredService<IDispatchLedger>().CancelAsync(mediaId, 1, CancellationToken.None);

        await DeliverAsync(new MeasureTranscodeUsage { MediaId = mediaId, Attempt = 1 });

        Assert.Empty(RunPod.Requests);
        var usage = Measured(mediaId);
        Assert.Equal(("", 0L, (long?)null), (usage.JobId, usage.ExecutionTimeMs, usage.DelayTimeMs));
    }

    [Fact]
    public async Task When_RunPod_no_longer_knows_the_job_its_figures_are_reported_unknown()
    {
        var mediaId = Guid.NewGuid();
        RunPod.Script("status", new ScriptedResponse(404));
        // A job's 404 is believed only when /health says the endpoint and key are fine (RunPodAnswers).
        RunPod.Script("health", ScriptedResponse.Healthy);

        await DeliverAsync(new MeasureTranscodeUsage { MediaId = mediaId, Attempt = 1, JobId = "job-expired" });

        var usage = Measured(mediaId);
        Assert.Equal(("job-expired", "", (long?)null, (long?)null), (usage.JobId, usage.JobStatus, usage.DelayTimeMs, usage.ExecutionTimeMs));
    }

    [Fact]
    public async Task When_the_job_does_not_end_the_message_faults_after_its_reads_for_a_later_retry()
    {
        await using var host = await DispatcherTestHost.StartAsync(RunPod.BaseUrl, overrides: new Dictionary<string, string?> { ["RunPod:UsagePollAttempts"] = "2" });
        // 2 reads per delivery, 2 deliveries (1 message retry).
        RunPod.Script("status", [.. Enumerable.Repeat(ScriptedResponse.Job("job-stuck", "IN_PROGRESS"), 4)]);

        await host.Harness.Bus.Publish(new MeasureTranscodeUsage { MediaId = Guid.NewGuid(), Attempt = 1, JobId = "job-stuck" });

        await Eventually.True(() => host.Harness.Published.Select<Fault<MeasureTranscodeUsage>>().Any(), "the command faulted");
        Assert.Equal(4, RunPod.Calls("status").Count);
        Assert.False(host.Harness.Published.Select<TranscodeUsageMeasured>().Any());
    }

    private TranscodeUsageMeasured Measured(Guid mediaId) =>
        Host.Harness.Published.Select<TranscodeUsageMeasured>(m => m.Context.Message.MediaId == mediaId).Single().Context.Message;
}
