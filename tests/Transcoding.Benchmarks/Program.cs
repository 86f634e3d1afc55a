using Transcoding.Benchmarks;

// usage: Transcoding.Benchmarks --rows FILE [worker] [saga] [gateway] [orchestration] [encoding] [media]   (no suite: all of them)
var rowsFile = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault()
    ?? throw new ArgumentException("usage: Transcoding.Benchmarks --rows FILE [worker] [saga] [gateway] [orchestration] [encoding] [media]");
var suites = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != rowsFile).ToHashSet();
var rows = new Rows(rowsFile);
foreach (var (name, run) in Suites.All)
{
    if (suites.Count == 0 || suites.Contains(name))
    {
        Console.WriteLine($"bench: {name}");
        await run(rows);
    }
}
