using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// Silences the framework log categories that write a raw request path or request line, which may hold a credential
/// (the RunPod webhook token): they have no hook to redact it, and <see cref="RedactedRequestLogging"/> logs requests
/// instead. The rules are added for every provider that configuration names too: a provider's own rule (such as
/// <c>Logging:Console:LogLevel:Default</c>) outranks a category rule for all providers, and would bring the lines back.
/// </summary>
internal sealed class RawPathLogFilter : IPostConfigureOptions<LoggerFilterOptions>
{
    /// <summary>Each category and the lowest level at which it may log.</summary>
    private static readonly (string Category, LogLevel Level)[] Categories =
    [
        // "Request starting/finished" lines and the RequestPath scope of every line of the request.
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),

        // An unmatched path at Debug.
        ("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information),

        // The request line of a malformed request at Debug.
        ("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information),
    ];

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(rule => rule.ProviderName).Distinct().ToList();
        if (!providers.Contains(null))
        {
            providers.Add(null);
        }

        foreach (var provider in providers)
        {
            foreach (var (category, level) in Categories)
            {
                // The last of equally specific rules wins, so these come after what configuration bound.
                options.Rules.Add(new LoggerFilterRule(provider, category, level, filter: null));
            }
        }
    }
}
