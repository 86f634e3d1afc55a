using System.Globalization;
using Transcoding.Chaos.Truth;

namespace Transcoding.Chaos;

/// <summary>The rows of issue 15's table, each computed from what was read after the drain.</summary>
public static class Figures
{
    private const int ShownIds = 5;

    /// <summary>At most two GPU jobs per item (README, "Guarantees": one retry).</summary>
    public const int MaxGpuJobs = 2;

    public static IReadOnlyList<Figure> Compute(RunTruth truth) =>
    [
        Outcomes(truth),
        Lost(truth),
        ReadyTransitions(truth),
        GpuJobs(truth),
        ReadyMessages(truth),
        ErrorQueues(truth),
        Bucket(truth),
        ServiceExits(truth),
        LastFaultToLastTerminal(truth),
        Throughput(truth),
        UploadToReady(truth),
        Secrets(truth),
    ];

    private static Figure Outcomes(RunTruth truth)
    {
        var good = truth.Items.Where(i => i.Good).ToList();
        var bad = truth.Items.Where(i => !i.Good).ToList();
        var goodReady = good.Where(i => StateOf(truth, i.MediaId) == "ready").ToList();
        var badFailed = bad.Where(i => truth.Saga.TryGetValue(i.MediaId, out var row) && row.State == "failed" && row.FailurePermanent).ToList();
        var wrong = good.Except(goodReady).Concat(bad.Except(badFailed)).Select(i => $"{i.MediaId} {Describe(truth, i.MediaId)}").ToList();
        return new Figure(
            "items uploaded / ready / failed as expected",
            "every good item ready, every bad one failed",
            $"{truth.Items.Count} uploaded ({good.Count} good, {bad.Count} not media): {goodReady.Count}/{good.Count} good ready, "
                + $"{badFailed.Count}/{bad.Count} bad failed permanently ({Codes(truth, bad)}){Offenders(wrong)}",
            wrong.Count == 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static Figure Lost(RunTruth truth)
    {
        var lost = truth.Items.Where(i => StateOf(truth, i.MediaId) is not ("ready" or "failed")).Select(i => $"{i.MediaId} {Describe(truth, i.MediaId)}").ToList();
        return new Figure(
            "items lost (no terminal state after the drain)",
            "0",
            $"{lost.Count}{(truth.Drained ? "" : " (drain timed out)")}{Offenders(lost)}",
            lost.Count == 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static Figure ReadyTransitions(RunTruth truth)
    {
        var ready = Rows(truth).Where(r => r.State == "ready").ToList();
        var wrong = Rows(truth).Where(r => r.ReadyTransitions != (r.State == "ready" ? 1 : 0))
            .Select(r => $"{r.MediaId} {r.State} with {r.ReadyTransitions}").ToList();
        var counts = ready.Select(r => r.ReadyTransitions).DefaultIfEmpty(0).ToList();
        return new Figure(
            "ready transitions per item",
            "exactly 1",
            $"min {counts.Min()}, max {counts.Max()} over {ready.Count} ready items (saga history); failed items with one: "
                + $"{Rows(truth).Count(r => r.State != "ready" && r.ReadyTransitions > 0)}{Offenders(wrong)}",
            wrong.Count == 0 && ready.Count > 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static Figure GpuJobs(RunTruth truth)
    {
        var rows = Rows(truth).ToList();
        if (rows.Count == 0)
        {
            return new Figure("GPU jobs per item: max and mean; per permanently failing item", $"<= {MaxGpuJobs}; 1", "no saga row read", Verdict.NotMeasured);
        }

        var bad = truth.Items.Where(i => !i.Good && truth.Saga.ContainsKey(i.MediaId)).Select(i => truth.Saga[i.MediaId]).ToList();
        var over = rows.Where(r => r.GpuJobs > MaxGpuJobs || r.Attempts > MaxGpuJobs).Select(r => $"{r.MediaId} {r.GpuJobs} jobs, {r.Attempts} attempts").ToList();
        var badWrong = bad.Where(r => r.GpuJobs != 1).Select(r => $"{r.MediaId} {r.GpuJobs} jobs").ToList();
        var badJobs = bad.Select(r => r.GpuJobs).DefaultIfEmpty(0).ToList();
        return new Figure(
            "GPU jobs per item: max and mean; per permanently failing item",
            $"<= {MaxGpuJobs}; 1",
            string.Create(CultureInfo.InvariantCulture, $"max {rows.Max(r => r.GpuJobs)}, mean {rows.Average(r => r.GpuJobs):0.00} (jobs a worker took, RunPod's list; the dispatch ledger recorded {rows.Sum(r => r.LedgerJobs)} of {rows.Sum(r => r.GpuJobs)}); ")
                + $"items with 2: {rows.Count(r => r.GpuJobs == 2)}; saga attempts max {rows.Max(r => r.Attempts)}; "
                + $"permanently failing items: min {badJobs.Min()}, max {badJobs.Max()}{Offenders([.. over, .. badWrong])}",
            over.Count == 0 && badWrong.Count == 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static Figure ReadyMessages(RunTruth truth)
    {
        var ready = truth.Items.Where(i => StateOf(truth, i.MediaId) == "ready").ToList();
        var deliveries = ready.Select(i => truth.Outcomes.ReadyDeliveries.GetValueOrDefault(i.MediaId)).ToList();
        var missing = ready.Where(i => truth.Outcomes.ReadyDeliveries.GetValueOrDefault(i.MediaId) == 0).Select(i => $"{i.MediaId} none").ToList();
        var strays = truth.Items.Where(i => StateOf(truth, i.MediaId) != "ready" && truth.Outcomes.ReadyDeliveries.ContainsKey(i.MediaId))
            .Select(i => $"{i.MediaId} {StateOf(truth, i.MediaId)} but got MediaReady").ToList();
        var repeats = deliveries.Sum() - ready.Count + missing.Count;
        var severalIds = ready.Count(i => truth.Outcomes.ReadyMessageIds.TryGetValue(i.MediaId, out var ids) && ids.Count > 1);
        var failedMessages = truth.Items.Count(i => !i.Good && truth.Outcomes.FailedDeliveries.ContainsKey(i.MediaId));
        return new Figure(
            "`MediaReady` messages per item",
            ">= 1 (at-least-once allowed; repeats counted)",
            $"min {deliveries.DefaultIfEmpty(0).Min()}, max {deliveries.DefaultIfEmpty(0).Max()} over {ready.Count} ready items; {repeats} repeats, "
                + $"{severalIds} items with more than one message id; MediaTranscodeFailed received for {failedMessages}/{truth.Items.Count(i => !i.Good)} bad items{Offenders([.. missing, .. strays])}",
            missing.Count == 0 && strays.Count == 0 && ready.Count > 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static Figure ErrorQueues(RunTruth truth)
    {
        const string Name = "messages left in `_error` queues, by reason";
        const string MustBe = "listed; each replayable by `ops faults replay` to a correct end";
        if (truth.ErrorQueues is null)
        {
            return new Figure(Name, MustBe, $"not measured: {truth.ErrorQueuesProblem}", Verdict.NotMeasured);
        }

        if (truth.ErrorQueues.Count == 0)
        {
            return new Figure(Name, MustBe, "0 (ops faults list)", Verdict.Pass);
        }

        // The replay command succeeding only says the messages went back to their queues; a correct end is that none
        // of them faulted again (read once the system had settled after the replay).
        var again = truth.ErrorQueuesAfterReplay;
        var afterReplay = again is null ? "not read" : again.Count == 0 ? "0" : Listed(again);
        return new Figure(
            Name,
            MustBe,
            $"{truth.ErrorQueues.Sum(g => g.Count)}: {Listed(truth.ErrorQueues)}; replay --all: {truth.Replay}; left after the replay: {afterReplay}; the other rows were read after the replay",
            truth.Replay == "ok" && again is { Count: 0 } ? Verdict.Pass : Verdict.Fail);

        static string Listed(IReadOnlyList<ErrorQueueGroup> groups) =>
            string.Join("; ", groups.Select(g => $"{g.Count} × {g.MessageType} in {string.Join(", ", g.Queues)}: {g.ExceptionType} ({Short(g.ExampleMessage)})"));
    }

    private static Figure Bucket(RunTruth truth)
    {
        var wrong = truth.MissingOutputs.Select(id => $"{id} ready without outputs").Concat(truth.UnexpectedOutputs.Select(id => $"{id} failed with a manifest")).ToList();
        return new Figure(
            "outputs in the bucket (s3rver)",
            "manifest.json and master.m3u8 of every ready item; no manifest.json of a failed one",
            $"{truth.MissingOutputs.Count} ready items missing outputs, {truth.UnexpectedOutputs.Count} failed items with a manifest{Offenders(wrong)}",
            wrong.Count == 0 ? Verdict.Pass : Verdict.Fail);
    }

    /// <summary>A service that crashes under the faults is a finding even when the other orchestrator carried its work
    /// or a later SIGKILL fault restarted it (either would leave every other row passing).</summary>
    private static Figure ServiceExits(RunTruth truth) => new(
        "service processes that ended by themselves",
        "0 (only the schedule's SIGKILLs end a service)",
        $"{truth.ServiceExits.Count}{Offenders(truth.ServiceExits)}",
        truth.ServiceExits.Count == 0 ? Verdict.Pass : Verdict.Fail);

    private static Figure LastFaultToLastTerminal(RunTruth truth)
    {
        var lastFault = truth.Faults.Where(f => f.Effect.Injected).Select(f => f.Stopped ?? f.Started).DefaultIfEmpty().Max();
        var lastTerminal = Rows(truth).Select(r => r.TerminalAt).Max();
        var measured = lastTerminal is null || lastFault == TimeSpan.Zero
            ? "not measured (no fault injected or no terminal state)"
            : string.Create(CultureInfo.InvariantCulture, $"{(lastTerminal.Value - (truth.UploadsStarted + lastFault)).TotalSeconds:0.0} s (last fault ended at {lastFault.TotalSeconds:0} s, last terminal state at {(lastTerminal.Value - truth.UploadsStarted).TotalSeconds:0} s; negative: every item had ended before)");
        return new Figure("time from the last fault to the last terminal state", "reported", measured, Verdict.Reported);
    }

    private static Figure Throughput(RunTruth truth)
    {
        var ends = Rows(truth).Where(r => r.TerminalAt is not null).Select(r => r.TerminalAt!.Value).ToList();
        if (ends.Count == 0)
        {
            return new Figure("items per second held", "reported", "not measured (no terminal state)", Verdict.Reported);
        }

        var span = ends.Max() - truth.UploadsStarted;
        return new Figure(
            "items per second held",
            "reported",
            string.Create(CultureInfo.InvariantCulture, $"{ends.Count / span.TotalSeconds:0.0} items/s ({ends.Count} items ended {span.TotalSeconds:0} s after the first upload, faults included)"),
            Verdict.Reported);
    }

    private static Figure UploadToReady(RunTruth truth)
    {
        var latencies = truth.Items
            .Where(i => truth.Saga.TryGetValue(i.MediaId, out var row) && row.State == "ready" && row.TerminalAt is not null)
            .Select(i => (truth.Saga[i.MediaId].TerminalAt!.Value - (truth.UploadsStarted + i.UploadedAt)).TotalSeconds)
            .Order()
            .ToList();
        if (latencies.Count == 0)
        {
            return new Figure("upload-to-ready p50 / p99 / max", "reported", "not measured (no ready item)", Verdict.Reported);
        }

        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new Figure(
            "upload-to-ready p50 / p99 / max",
            "reported",
            string.Create(CultureInfo.InvariantCulture, $"{Percentile(0.5):0.0} s / {Percentile(0.99):0.0} s / {latencies[^1]:0.0} s over {latencies.Count} ready items (MediaUploaded published to the saga's ready transition)"),
            Verdict.Reported);
    }

    private static Figure Secrets(RunTruth truth) => new(
        "secrets found in all logs",
        "0",
        $"{truth.SecretFindings.Count} ({truth.SecretsSearched} secrets and tokens searched in {truth.LogLines} lines of every process's output, the workers' through the local endpoint)"
            + Offenders([.. truth.SecretFindings]),
        truth.SecretFindings.Count == 0 && truth.LogLines > 0 ? Verdict.Pass : Verdict.Fail);

    private static IEnumerable<SagaRow> Rows(RunTruth truth) =>
        truth.Items.Where(i => truth.Saga.ContainsKey(i.MediaId)).Select(i => truth.Saga[i.MediaId]);

    private static string StateOf(RunTruth truth, Guid mediaId) => truth.Saga.TryGetValue(mediaId, out var row) ? row.State : "missing";

    private static string Describe(RunTruth truth, Guid mediaId) =>
        truth.Saga.TryGetValue(mediaId, out var row) ? $"{row.State}{(row.FailureCode is null ? "" : " " + row.FailureCode)}" : "no saga row";

    private static string Codes(RunTruth truth, IEnumerable<UploadedItem> items) => string.Join(", ", items
        .Select(i => truth.Saga.TryGetValue(i.MediaId, out var row) ? row.FailureCode ?? row.State : "no saga row")
        .GroupBy(code => code).Select(g => $"{g.Key} {g.Count()}"));

    private static string Offenders(IReadOnlyList<string> offenders) =>
        offenders.Count == 0 ? "" : $"; {offenders.Count} wrong: {string.Join(", ", offenders.Take(ShownIds))}{(offenders.Count > ShownIds ? ", …" : "")}";

    private static string Short(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "…";
}
