using System.Diagnostics;

namespace Transcoding.Benchmarks;

/// <summary>A closed-loop HTTP load: <c>connections</c> senders, each sending its next request when the last answered.</summary>
public static class LoadGenerator
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, int Failures);

    public static async Task<Result> RunAsync(string baseUrl, Func<HttpRequestMessage> request, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(baseUrl) };
        await SendForAsync(http, request, connections, warmUp);
        var (latencies, failures) = await SendForAsync(http, request, connections, duration);
        return new Result(latencies.Count / duration.TotalSeconds, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), failures);
    }

    private static async Task<(List<double> Latencies, int Failures)> SendForAsync(HttpClient http, Func<HttpRequestMessage> request, int connections, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failures = 0;
        var perSender = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                using var message = request();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return latencies;
        }));
        return (perSender.SelectMany(l => l).ToList(), failures);
    }
}
