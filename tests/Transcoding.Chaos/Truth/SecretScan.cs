namespace Transcoding.Chaos.Truth;

/// <summary>Every captured log file searched for every secret, as plain text.</summary>
public static class SecretScan
{
    /// <returns>One finding per (file, secret name) with the number of lines that hold it; empty when clean.</returns>
    public static IReadOnlyList<string> Find(string logFolder, IReadOnlyList<(string Name, string Value)> secrets)
    {
        var findings = new List<string>();
        foreach (var file in Directory.EnumerateFiles(logFolder, "*.log").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            foreach (var (name, value) in secrets)
            {
                var hits = lines.Count(line => line.Contains(value, StringComparison.Ordinal));
                if (hits > 0)
                {
                    findings.Add($"{name} in {Path.GetFileName(file)} ({hits} lines)");
                }
            }
        }

        return findings;
    }

    /// <summary>Lines in all log files, to say how much was searched.</summary>
    public static long LineCount(string logFolder) =>
        Directory.EnumerateFiles(logFolder, "*.log").Sum(file => (long)File.ReadLines(file).Count());
}
