using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Transcoding.Ops.Cli;

/// <summary>Where commands write: tables to the console, JSON straight to stdout (never wrapped), errors to stderr.</summary>
public sealed class OpsOutput(IAnsiConsole console, TextWriter json, TextWriter error)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public IAnsiConsole Console { get; } = console;

    /// <summary>Progress bars and prompts only make sense for a person at a terminal.</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive;

    public void WriteJson<T>(T value) => json.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Errors carry the API's reasons and exception messages: written through <see cref="TerminalText"/>.</summary>
    public void WriteError(string message) => error.WriteLine("error: " + TerminalText.Clean(message, multiline: true));
}
