using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Transcoding.Shared.Configuration;

/// <summary>
/// What a process refused for its settings says: one line naming the setting, never its value (a value may be a
/// secret, and the configuration binder's own message quotes it). Every service and the worker end such a start-up
/// with <c>configuration error: &lt;this&gt;</c> on stderr and exit code <see cref="ExitCode"/>.
/// </summary>
public static partial class ConfigurationErrors
{
    public const int ExitCode = 3;

    /// <summary>
    /// The one-line reason when <paramref name="e"/> is a refused setting: an options validation failure (the
    /// validators' messages name settings only), a value the binder could not convert to its type, or several of these;
    /// null for any other exception (a bug, an outage), which must stay what it is.
    /// </summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException validation => OneLine(validation.Message),
        InvalidOperationException binding when BinderFailure().Match(binding.Message) is { Success: true } failure =>
            $"{failure.Groups["path"].Value} is not a valid {Expected(failure.Groups["type"].Value)}.",
        AggregateException all when all.InnerExceptions.Count > 0 && all.InnerExceptions.Select(Describe).ToList() is var reasons
            && reasons.All(reason => reason is not null) => string.Join("; ", reasons),
        _ => null,
    };

    /// <summary>What the binder wanted, from its type name: the names of an enum's values, else the type's short name.</summary>
    private static string Expected(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName)).FirstOrDefault(found => found is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "value",
            { IsEnum: true } => $"{type.Name} (one of: {string.Join(", ", Enum.GetNames(type))})",
            _ => type.Name,
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>Microsoft.Extensions.Configuration.Binder's message, which quotes the value: only the path and type are
    /// taken, from the end, where a value cannot reach.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value\b.* at '(?<path>[^']+)' to type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
