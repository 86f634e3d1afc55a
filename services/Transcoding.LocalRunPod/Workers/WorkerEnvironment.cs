using System.Collections;

namespace Transcoding.LocalRunPod.Workers;

/// <summary>
/// A worker's environment, as on RunPod: only what the endpoint gives it. This host's own variables (API keys,
/// webhook secrets, connection strings of the all-in-one process) never reach a worker; only what a program needs to
/// run here is inherited.
/// </summary>
public static class WorkerEnvironment
{
    private static readonly string[] InheritedNames = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR"];

    private static readonly string[] InheritedPrefixes = ["DOTNET_", "OTEL_"];

    public static Dictionary<string, string> Build(
        IDictionary inherited,
        IReadOnlyDictionary<string, string> configured,
        IReadOnlyDictionary<string, string> runPod)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in inherited)
        {
            if (entry is { Key: string name, Value: string value } && IsInherited(name))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in configured)
        {
            environment[name] = value;
        }

        // Last: the protocol variables cannot be overridden by configuration.
        foreach (var (name, value) in runPod)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static bool IsInherited(string name) =>
        InheritedNames.Contains(name, StringComparer.Ordinal) || InheritedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
}
