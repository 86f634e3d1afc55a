using System.Text.Json;

namespace Transcoding.Testing;

/// <summary>
/// The exchanges recorded from runpod-python 1.12.0 against the local endpoint
/// (<c>Fixtures/runpod-python-1.12.0-exchanges.jsonl</c>, a byte-for-byte copy of
/// <c>../shared/fixtures/</c>, copied to every test project's output since CI has no <c>../shared</c>).
/// </summary>
public static class RunPodPythonExchanges
{
    public const string FileName = "runpod-python-1.12.0-exchanges.jsonl";

    /// <summary>The fixture's <c>authorization</c> value for "the API key alone" (<c>http_client.py:18-33</c>).</summary>
    public const string BareKey = "<RUNPOD_AI_API_KEY, bare, no Bearer>";

    /// <summary>The copy the tests read, in the test output folder.</summary>
    public static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "Fixtures", FileName);

    /// <summary>The committed copy.</summary>
    public static string RepositoryCopy => Path.Combine(Repository.Root, "tests", "Transcoding.Testing", "Fixtures", FileName);

    /// <summary>The product owner's copy (<c>../shared</c> beside the repository, else <c>/work/shared</c>); null when neither exists (CI).</summary>
    public static string? SharedCopy { get; } = new[]
        {
            Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "fixtures", FileName)),
            Path.Combine("/work/shared/fixtures", FileName),
        }
        .FirstOrDefault(File.Exists);

    /// <summary>Every line of the fixture, in file order.</summary>
    /// <exception cref="InvalidDataException">A line lacks a field, or two lines share a kind.</exception>
    public static IReadOnlyList<RunPodPythonExchange> Load()
    {
        var exchanges = File.ReadLines(OutputCopy)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(Parse)
            .ToList();
        var repeated = exchanges.GroupBy(exchange => exchange.Kind).FirstOrDefault(group => group.Count() > 1);
        return repeated is null ? exchanges : throw new InvalidDataException($"{FileName}: kind '{repeated.Key}' appears more than once.");
    }

    /// <summary>The line of that kind.</summary>
    /// <exception cref="InvalidOperationException">No line has that kind.</exception>
    public static RunPodPythonExchange Get(string kind) => Load().Single(exchange => exchange.Kind == kind);

    private static RunPodPythonExchange Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var target = Required(root, "path");
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        return new RunPodPythonExchange(
            Required(root, "kind"),
            Required(root, "method"),
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? "" : target[queryStart..],
            root.TryGetProperty("content_type", out var contentType) && contentType.ValueKind == JsonValueKind.String ? contentType.GetString() : null,
            Required(root, "authorization"),
            root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString()! : "");
    }

    private static string Required(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{FileName}: a line has no string '{name}': {line.GetRawText()}");
}
