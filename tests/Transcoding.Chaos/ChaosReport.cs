using System.Globalization;
using System.Text;
using Transcoding.Chaos.Faults;

namespace Transcoding.Chaos;

/// <summary>CHAOS.md: machine, date, seed, command, then the table of figures and the faults as they happened.</summary>
public static class ChaosReport
{
    private const string Title = "# Chaos";

    private const string Intro = "Written by `make chaos` (the fault run) and `make chaos LOAD=1` (the load run), scripts/chaos.sh and tests/Transcoding.Chaos: the whole system as separate processes under uploads and a seeded fault schedule, then the truth read from PostgreSQL, the broker, the bucket and the logs. Each run replaces its own section.";

    /// <summary>
    /// The report file with this run's section in place: <paramref name="existing"/> (the file as it was, or null) keeps
    /// the other run's section; a file without sections is replaced.
    /// </summary>
    public static string Merge(string? existing, ChaosOptions options, string section)
    {
        var begin = Begin(options.Load);
        var sections = new[] { Begin(false), Begin(true) }
            .Select(marker => marker == begin ? section : Section(existing, marker))
            .Where(text => text is not null);
        return $"{Title}\n\n{Intro}\n\n{string.Join("\n", sections)}";
    }

    /// <summary>This run's section: machine, date, seed, command, the table of figures and the faults as they happened.</summary>
    public static string Write(ChaosOptions options, string command, DateTimeOffset started, RunTruth truth, IReadOnlyList<Figure> figures)
    {
        var text = new StringBuilder();
        var line = (string value) => text.Append(value).Append('\n');
        line(Begin(options.Load));
        line(options.Load ? "## Load run" : "## Fault run");
        line("");
        line($"- Machine: {Machine()}");
        line($"- Date: {started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        line($"- Seed: {options.Seed}");
        line($"- Command: `{command}`");
        line(options.Load
            ? string.Create(CultureInfo.InvariantCulture, $"- Profile: {options.Profile}: {truth.Items.Count} items pushed by 8 uploaders for {options.Duration.TotalSeconds:0} s (at most {options.MaxItems}, at most {options.InFlight} without an outcome; every {options.BadEvery}th announced without a source object), 2 orchestrators, dispatcher, gateway, local RunPod endpoint completing each job itself (instant completion: placeholder outputs, signed callback, no worker), drain bounded at {options.DrainTimeout.TotalSeconds:0} s; services log at Information (EF Core at Warning)")
            : string.Create(CultureInfo.InvariantCulture, $"- Profile: {options.Profile}: {truth.Items.Count} items, one every {options.Interval.TotalSeconds:0.#} s for {options.Duration.TotalSeconds:0} s (every {options.BadEvery}th not media), 2 orchestrators, dispatcher, gateway, local RunPod endpoint with {options.Workers} real workers (libx264 veryfast, 1 s 320x240 clips), drain bounded at {options.DrainTimeout.TotalSeconds:0} s; services log at Information (EF Core at Warning)"));
        line("");
        line("| figure | must be | measured | verdict |");
        line("|---|---|---|---|");
        foreach (var figure in figures)
        {
            line($"| {Cell(figure.Name)} | {Cell(figure.MustBe)} | {Cell(figure.Measured)} | {Mark(figure.Verdict)} |");
        }

        line("");
        line($"### Faults ({truth.Faults.Count(f => f.Effect.Injected)} injected of {truth.Faults.Count} planned; offsets from the first upload)");
        line("");
        line("| fault | planned at | started | in force | given back | detail |");
        line("|---|---|---|---|---|---|");
        foreach (var fault in truth.Faults)
        {
            line(string.Create(CultureInfo.InvariantCulture,
                $"| {fault.Name} | {fault.Planned.TotalSeconds:0.0} s | {fault.Started.TotalSeconds:0.0} s | {fault.InForce.TotalSeconds:0.0} s | {(fault.Stopped is { } stopped ? $"{stopped.TotalSeconds:0.0} s" : "stop failed")} | {Cell(fault.Effect.Detail + (fault.StopError is null ? "" : "; " + fault.StopError))} |"));
        }

        line("");
        line("How each figure is read: states, ready transitions (saga history) and attempts from the `transcode_state` table; GPU jobs from RunPod's side (the local endpoint's `GET /admin/jobs`: jobs a worker took, so a `/run` accepted whose answer was lost counts too), beside what the dispatcher's `dispatch_ledger` recorded; `MediaReady` and `MediaTranscodeFailed` by a downstream consumer on its own queue, drained with a marker; `_error` queues by `ops faults list --json` (replayed with `ops faults replay --all` when any); outputs by `manifest.json` and `hls/master.m3u8` in s3rver; upload-to-ready from the publish of `MediaUploaded` to the saga history's `ready` entry; secrets by plain search of every process's captured output. The worker callback secret, the RunPod token secret, the RunPod API key and every item's per-attempt webhook tokens are searched; s3rver's fixed key (`S3RVER`, equal to its access key id) and RabbitMQ's `guest` password are not.");
        line(End(options.Load));
        return text.ToString();
    }

    private static string Begin(bool load) => load ? "<!-- chaos:load -->" : "<!-- chaos:faults -->";

    private static string End(bool load) => load ? "<!-- /chaos:load -->" : "<!-- /chaos:faults -->";

    private static string? Section(string? existing, string begin)
    {
        var end = begin.Replace("<!-- ", "<!-- /", StringComparison.Ordinal);
        var from = existing?.IndexOf(begin, StringComparison.Ordinal) ?? -1;
        var to = from < 0 ? -1 : existing!.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : existing![from..(to + end.Length)] + "\n";
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
