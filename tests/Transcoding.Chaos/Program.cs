using Transcoding.Chaos;

// usage: see ChaosOptions.Usage. Exit 0 when every "must be" of CHAOS.md held, 1 when one broke or was not measured, 2 on usage.
ChaosOptions options;
try
{
    options = ChaosOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var started = DateTimeOffset.UtcNow;
var folder = Path.Combine(Environment.GetEnvironmentVariable("CHAOS_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath(), $"chaos-{options.Seed}-{started:yyyyMMddHHmmss}");
Console.WriteLine($"chaos: run folder {folder} (logs/ holds every process's output)");
var truth = await new ChaosRun(options, folder).RunAsync();
var figures = Figures.Compute(truth);
var command = Environment.GetEnvironmentVariable("CHAOS_COMMAND") is { Length: > 0 } given ? given : "Transcoding.Chaos " + string.Join(' ', args);
var existing = File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : null;
await File.WriteAllTextAsync(options.Output, ChaosReport.Merge(existing, options, ChaosReport.Write(options, command, started, truth, figures)));
foreach (var figure in figures)
{
    Console.WriteLine($"chaos: {figure.Verdict,-11} {figure.Name}: {figure.Measured}");
}

var broken = figures.Where(f => f.Verdict is Verdict.Fail or Verdict.NotMeasured).ToList();
Console.WriteLine(broken.Count == 0 ? $"chaos: wrote {options.Output}; every must-be held" : $"chaos: wrote {options.Output}; {broken.Count} must-be broken: {string.Join(", ", broken.Select(f => f.Name))}");
return broken.Count == 0 ? 0 : 1;
