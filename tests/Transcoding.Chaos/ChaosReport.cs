using System.Globalization;
using System.Text;
using Transcoding.Chaos.Faults;

namespace Transcoding.Chaos;

/// <summary>CHAOS.md: machine, date, seed, command, then the table of figures and the faults as they happened.</summary>
public static class ChaosReport
{
    /// <summary>Faults of issue 15 this runner does not inject yet (they need parts built elsewhere).</summary>
    private static readonly string[] NotYetInjected =
    [
        "RabbitMQ stopped for 20 s", "PostgreSQL restarted (immediate shutdown)", "s3rver down for 10 s",
        "callback proxy (30 % dropped, some delivered three times, some delayed)", "local RunPod endpoint answering 429 and 500",
    ];

    public static string Write(ChaosOptions options, string command, DateTimeOffset started, RunTruth truth, IReadOnlyList<Figure> figures)
    {
        var text = new StringBuilder();
        var line = (string value) => text.Append(value).Append('\n');
        line("# Chaos");
        line("");
        line("Written by `make chaos` (scripts/chaos.sh, tests/Transcoding.Chaos): the whole system as separate processes under a steady upload rate and a seeded fault schedule, then the truth read from PostgreSQL, the broker, the bucket and the logs.");
        line("");
        line($"- Machine: {Machine()}");
        line($"- Date: {started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        line($"- Seed: {options.Seed}");
        line($"- Command: `{command}`");
        line(string.Create(CultureInfo.InvariantCulture,
            $"- Profile: {options.Profile}: {truth.Items.Count} items, one every {options.Interval.TotalSeconds:0.#} s for {options.Duration.TotalSeconds:0} s (every {options.BadEvery}th not media), 2 orchestrators, dispatcher, gateway, local RunPod endpoint with {options.Workers} real workers (libx264 veryfast, 1 s 320x240 clips), drain bounded at {options.DrainTimeout.TotalSeconds:0} s; services log at Information (EF Core at Warning)"));
        line("");
        line("| figure | must be | measured | verdict |");
        line("|---|---|---|---|");
        foreach (var figure in figures)
        {
            line($"| {Cell(figure.Name)} | {Cell(figure.MustBe)} | {Cell(figure.Measured)} | {Mark(figure.Verdict)} |");
        }

        line("");
        line($"## Faults ({truth.Faults.Count(f => f.Effect.Injected)} injected of {truth.Faults.Count} planned; offsets from the first upload)");
        line("");
        line("| fault | planned at | started | stopped | detail |");
        line("|---|---|---|---|---|");
        foreach (var fault in truth.Faults)
        {
            line(string.Create(CultureInfo.InvariantCulture,
                $"| {fault.Name} | {fault.Planned.TotalSeconds:0.0} s | {fault.Started.TotalSeconds:0.0} s | {(fault.Stopped is { } stopped ? $"{stopped.TotalSeconds:0.0} s" : "stop failed")} | {Cell(fault.Effect.Detail + (fault.StopError is null ? "" : "; " + fault.StopError))} |"));
        }

        line("");
        line($"Not injected by this runner yet: {string.Join("; ", NotYetInjected)}.");
        line("");
        line("How each figure is read: states, ready transitions (saga history) and attempts from the `transcode_state` table; GPU jobs from the dispatcher's `dispatch_ledger` (one row with a job id per `/run` RunPod answered; a `/run` accepted whose answer was lost is not seen, the limit the README states); `MediaReady` and `MediaTranscodeFailed` by a downstream consumer on its own queue, drained with a marker; `_error` queues by `ops faults list --json` (replayed with `ops faults replay --all` when any); outputs by `manifest.json` and `hls/master.m3u8` in s3rver; secrets by plain search of every process's captured output. The worker callback secret, the RunPod token secret, the RunPod API key and every item's per-attempt webhook tokens are searched; s3rver's fixed key (`S3RVER`, equal to its access key id) and RabbitMQ's `guest` password are not.");
        return text.ToString();
    }

    private static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "**FAIL**",
        Verdict.NotMeasured => "**NOT MEASURED**",
        _ => "reported",
    };

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memoryKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "unknown OS";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {double.Parse(memoryKb, CultureInfo.InvariantCulture) / 1048576:0.0} GiB, {cpu}; {os}; .NET {Environment.Version}");
    }
}
