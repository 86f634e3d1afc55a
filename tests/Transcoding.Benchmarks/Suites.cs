namespace Transcoding.Benchmarks;

public static class Suites
{
    public static IReadOnlyList<(string Name, Func<Rows, Task> Run)> All { get; } =
    [
        ("worker", WorkerBenchmarks.RunAsync),
        ("saga", SagaThroughputBenchmark.RunAsync),
        ("gateway", GatewayBenchmark.RunAsync),
        ("orchestration", OrchestrationOverheadBenchmark.RunAsync),
        ("encoding", EncodingCostBenchmarks.RunAsync),
        ("media", MediaStatsBenchmark.RunAsync),
    ];
}
