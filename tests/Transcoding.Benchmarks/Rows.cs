using System.Globalization;

namespace Transcoding.Benchmarks;

/// <summary>The rows file scripts/bench.sh turns into BENCHMARKS.md: <c>metric-id TAB median TAB baseline/detail</c>.</summary>
public sealed class Rows(string path)
{
    public void Add(string metric, double median, string detail)
    {
        var line = $"{metric}\t{Format(median)}\t{detail}";
        File.AppendAllText(path, line + "\n");
        Console.WriteLine("  " + line);
    }

    public static string Format(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
