using Transcoding.Chaos.Truth;

namespace Transcoding.Chaos.Tests;

/// <summary>
/// <see cref="Figures.Compute"/> over truths built by hand: a correct run passes every must-be, and each way issue 15's
/// table can break fails its own row (a failed or unmeasured must-be makes <c>make chaos</c> exit non-zero).
/// </summary>
public sealed class When_the_figures_are_computed
{
    private const string Outcomes = "items uploaded / ready / failed as expected";
    private const string Lost = "items lost (no terminal state after the drain)";
    private const string ReadyTransitions = "ready transitions per item";
    private const string GpuJobs = "GPU jobs per item: max and mean; per permanently failing item";
    private const string ReadyMessages = "`MediaReady` messages per item";
    private const string ErrorQueues = "messages left in `_error` queues, by reason";
    private const string Secrets = "secrets found in all logs";
    private const string Throughput = "items per second held";
    private const string UploadToReady = "upload-to-ready p50 / p99 / max";
    private const string LastFault = "time from the last fault to the last terminal state";
    private const string ServiceExits = "service processes that ended by themselves";

    [Fact]
    public void A_correct_run_passes_every_must_be_and_reports_the_rest()
    {
        var figures = Figures.Compute(TruthBuilder.Correct().Build());

        Assert.All(figures, figure => Assert.Equal(figure.MustBe == "reported" ? Verdict.Reported : Verdict.Pass, figure.Verdict));
        Assert.Equal(12, figures.Count);
    }

    [Fact]
    public void An_item_still_transcoding_after_the_drain_is_lost()
    {
        var builder = TruthBuilder.Correct();
        var lost = builder.Ready(delivered: false);
        builder.Change(lost, row => row with { State = "transcoding", ReadyTransitions = 0, TerminalAt = null });

        FailsNaming(builder.Build(), Lost, $"{lost} transcoding");
    }

    [Fact]
    public void An_item_without_a_saga_row_is_lost()
    {
        var builder = TruthBuilder.Correct();
        var truth = builder.Build();
        var missing = new UploadedItem(Guid.NewGuid(), Good: true, TimeSpan.FromSeconds(3));

        FailsNaming(truth with { Items = [.. truth.Items, missing] }, Lost, $"{missing.MediaId} no saga row");
    }

    [Fact]
    public void A_good_item_that_failed_fails_the_outcomes()
    {
        var builder = TruthBuilder.Correct();
        var item = builder.Ready(delivered: false);
        builder.Change(item, row => row with { State = "failed", FailureCode = "upload_failed", FailurePermanent = true, ReadyTransitions = 0 });

        FailsNaming(builder.Build(), Outcomes, $"{item} failed upload_failed");
    }

    [Fact]
    public void A_bad_item_that_failed_transiently_fails_the_outcomes()
    {
        var builder = TruthBuilder.Correct();
        builder.Change(builder.FailedPermanently(), row => row with { FailurePermanent = false });

        Assert.Equal(Verdict.Fail, Row(builder.Build(), Outcomes).Verdict);
    }

    [Fact]
    public void A_bad_item_that_became_ready_fails_the_outcomes()
    {
        var builder = TruthBuilder.Correct();
        builder.Change(builder.FailedPermanently(), row => row with { State = "ready", FailureCode = null, FailurePermanent = false, ReadyTransitions = 1 });

        Assert.Equal(Verdict.Fail, Row(builder.Build(), Outcomes).Verdict);
    }

    [Fact]
    public void An_item_that_went_to_ready_twice_fails_exactly_one_ready_transition()
    {
        var builder = TruthBuilder.Correct();
        var twice = builder.Ready();
        builder.Change(twice, row => row with { ReadyTransitions = 2 });

        FailsNaming(builder.Build(), ReadyTransitions, $"{twice} ready with 2");
    }

    [Fact]
    public void A_failed_item_that_once_went_to_ready_fails_the_ready_transitions()
    {
        var builder = TruthBuilder.Correct();
        builder.Change(builder.FailedPermanently(), row => row with { ReadyTransitions = 1 });

        Assert.Equal(Verdict.Fail, Row(builder.Build(), ReadyTransitions).Verdict);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2, 3)]
    public void An_item_with_more_than_two_GPU_jobs_or_attempts_fails_the_bound(int gpuJobs, int attempts)
    {
        var builder = TruthBuilder.Correct();
        var item = builder.Ready();
        builder.Change(item, row => row with { GpuJobs = gpuJobs, Attempts = attempts });

        FailsNaming(builder.Build(), GpuJobs, $"{item} {gpuJobs} jobs, {attempts} attempts");
    }

    [Fact]
    public void An_item_ready_after_its_one_retry_holds_the_bound()
    {
        var builder = TruthBuilder.Correct();
        builder.Change(builder.Ready(), row => row with { GpuJobs = 2, Attempts = 2 });

        var figure = Row(builder.Build(), GpuJobs);

        Assert.Equal(Verdict.Pass, figure.Verdict);
        Assert.StartsWith("max 2, mean 1.25 ", figure.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void A_permanently_failing_item_with_two_GPU_jobs_fails()
    {
        var builder = TruthBuilder.Correct();
        var bad = builder.FailedPermanently();
        builder.Change(bad, row => row with { GpuJobs = 2, Attempts = 2 });

        FailsNaming(builder.Build(), GpuJobs, $"{bad} 2 jobs");
    }

    [Fact]
    public void A_run_without_any_saga_row_has_the_GPU_jobs_not_measured()
    {
        var truth = TruthBuilder.Correct().Build();

        Assert.Equal(Verdict.NotMeasured, Row(truth with { Saga = new Dictionary<Guid, SagaRow>() }, GpuJobs).Verdict);
    }

    [Fact]
    public void A_ready_item_without_MediaReady_fails()
    {
        var builder = TruthBuilder.Correct();
        var silent = builder.Ready(delivered: false);

        FailsNaming(builder.Build(), ReadyMessages, $"{silent} none");
    }

    [Fact]
    public void MediaReady_for_a_failed_item_fails()
    {
        var builder = TruthBuilder.Correct();
        var failed = builder.FailedPermanently();
        builder.Outcomes.Ready(failed, Guid.NewGuid());

        FailsNaming(builder.Build(), ReadyMessages, $"{failed} failed but got MediaReady");
    }

    [Fact]
    public void A_MediaReady_delivered_three_times_passes_and_counts_two_repeats_of_one_message()
    {
        var builder = TruthBuilder.Correct();
        var item = builder.Ready(delivered: false);
        var messageId = Guid.NewGuid();
        builder.Outcomes.Ready(item, messageId);
        builder.Outcomes.Ready(item, messageId);
        builder.Outcomes.Ready(item, messageId);

        var figure = Row(builder.Build(), ReadyMessages);

        Assert.Equal(Verdict.Pass, figure.Verdict);
        Assert.StartsWith("min 1, max 3 over 3 ready items; 2 repeats, 0 items with more than one message id", figure.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_where_nothing_became_ready_fails_rather_than_passes_on_nothing()
    {
        var builder = new TruthBuilder();
        builder.FailedPermanently();
        var truth = builder.Build();

        Assert.Equal(Verdict.Fail, Row(truth, ReadyTransitions).Verdict);
        Assert.Equal(Verdict.Fail, Row(truth, ReadyMessages).Verdict);
    }

    [Fact]
    public void Error_queues_that_could_not_be_read_are_not_measured()
    {
        var truth = TruthBuilder.Correct().Build() with { ErrorQueues = null, ErrorQueuesProblem = "ops exited 1" };

        var figure = Row(truth, ErrorQueues);

        Assert.Equal(Verdict.NotMeasured, figure.Verdict);
        Assert.Equal("not measured: ops exited 1", figure.Measured);
    }

    [Theory]
    [InlineData("ok", Verdict.Pass)]
    [InlineData("ops faults replay exited 1: connection refused", Verdict.Fail)]
    [InlineData(null, Verdict.Fail)]
    public void Messages_left_in_error_queues_pass_only_when_their_replay_ended_ok(string? replay, Verdict expected)
    {
        var group = new ErrorQueueGroup("g1", "System.TimeoutException", "urn:message:Transcoding.Contracts:MediaUploaded", 2, ["orchestrator_error"], "timed out");
        var truth = TruthBuilder.Correct().Build() with { ErrorQueues = [group], Replay = replay, ErrorQueuesAfterReplay = [] };

        var figure = Row(truth, ErrorQueues);

        Assert.Equal(expected, figure.Verdict);
        Assert.StartsWith("2: 2 × urn:message:Transcoding.Contracts:MediaUploaded in orchestrator_error: System.TimeoutException (timed out)", figure.Measured, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>ops faults replay --all</c> exits 0 once the messages are back in their queues, and the drain that followed it
    /// passes at once when every item had already ended: a replayed message that faults again (a handler that still
    /// throws) used to leave the row passing, though the must-be is "replayable to a correct end".
    /// </summary>
    [Fact]
    public void Messages_that_fault_again_after_a_successful_replay_fail()
    {
        var group = new ErrorQueueGroup("g1", "System.InvalidOperationException", "urn:message:Transcoding.Contracts:TranscodeCompleted", 1, ["orchestrator_error"], "boom");
        var truth = TruthBuilder.Correct().Build() with { ErrorQueues = [group], Replay = "ok", ErrorQueuesAfterReplay = [group] };

        FailsNaming(truth, ErrorQueues, "left after the replay: 1 × urn:message:Transcoding.Contracts:TranscodeCompleted in orchestrator_error");
    }

    [Fact]
    public void Messages_replayed_whose_queues_could_not_be_read_again_fail()
    {
        var group = new ErrorQueueGroup("g1", "System.TimeoutException", "urn:message:Transcoding.Contracts:MediaUploaded", 2, ["orchestrator_error"], "timed out");
        var truth = TruthBuilder.Correct().Build() with { ErrorQueues = [group], Replay = "ok", ErrorQueuesAfterReplay = null };

        FailsNaming(truth, ErrorQueues, "left after the replay: not read");
    }

    /// <summary>A service that crashed is invisible in every other row when the second orchestrator carried its
    /// messages or a later SIGKILL fault restarted it.</summary>
    [Fact]
    public void A_service_that_ended_by_itself_fails_even_when_every_item_ended_well()
    {
        var truth = TruthBuilder.Correct().Build() with { ServiceExits = ["orchestrator-b: pid 4242 exit code 134"] };

        FailsNaming(truth, ServiceExits, "orchestrator-b: pid 4242 exit code 134");
    }

    [Fact]
    public void A_secret_found_in_a_log_fails()
    {
        var truth = TruthBuilder.Correct().Build() with { SecretFindings = ["gateway.log:12 RunPod API key"] };

        FailsNaming(truth, Secrets, "gateway.log:12 RunPod API key");
    }

    [Fact]
    public void A_secret_search_over_no_log_line_fails()
    {
        var truth = TruthBuilder.Correct().Build() with { LogLines = 0 };

        Assert.Equal(Verdict.Fail, Row(truth, Secrets).Verdict);
    }

    [Fact]
    public void Upload_to_ready_percentiles_and_items_per_second_are_computed_from_each_items_own_upload()
    {
        // Item k (1..100) uploaded at k s and ready k s later (at 2k s), added in a scrambled order: latencies 1..100 s,
        // the last item ends 200 s after the first upload.
        var builder = new TruthBuilder();
        foreach (var k in Enumerable.Range(1, 100).OrderBy(k => (k * 37) % 101))
        {
            builder.Ready(TimeSpan.FromSeconds(k), TimeSpan.FromSeconds(k));
        }

        var truth = builder.Build();

        Assert.Equal(
            new Figure(UploadToReady, "reported", "50.0 s / 99.0 s / 100.0 s over 100 ready items (MediaUploaded published to the saga's ready transition)", Verdict.Reported),
            Row(truth, UploadToReady));
        Assert.Equal(
            new Figure(Throughput, "reported", "0.5 items/s (100 items ended 200 s after the first upload, faults included)", Verdict.Reported),
            Row(truth, Throughput));
        Assert.StartsWith("170.0 s (last fault ended at 30 s, last terminal state at 200 s;", Row(truth, LastFault).Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_where_no_item_ended_reports_throughput_and_latency_as_not_measured()
    {
        var builder = new TruthBuilder();
        builder.Change(builder.Ready(delivered: false), row => row with { State = "transcoding", ReadyTransitions = 0, TerminalAt = null });
        var truth = builder.Build();

        Assert.Equal("not measured (no terminal state)", Row(truth, Throughput).Measured);
        Assert.Equal("not measured (no ready item)", Row(truth, UploadToReady).Measured);
    }

    /// <summary>The row fails and its measured text names the offender (CHAOS.md shows which item broke it).</summary>
    private static void FailsNaming(RunTruth truth, string name, string offender)
    {
        var figure = Row(truth, name);
        Assert.Equal(Verdict.Fail, figure.Verdict);
        Assert.Contains(offender, figure.Measured, StringComparison.Ordinal);
    }

    private static Figure Row(RunTruth truth, string name) => Figures.Compute(truth).Single(figure => figure.Name == name);
}
