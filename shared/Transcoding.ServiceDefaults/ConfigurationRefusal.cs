using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Configuration;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// How a service ends when its settings are refused (options validation, <c>ValidateOnStart</c>, a value the binder
/// cannot convert, or a check in the wiring that throws <see cref="OptionsValidationException"/>):
/// <c>configuration error: &lt;reason&gt;</c> as one line on stderr and exit code <see cref="ExitCode"/>, as the worker
/// does, instead of an unhandled exception (exit 134). The reason is <see cref="ConfigurationErrors.Describe"/>'s, which
/// names settings and never their values.
/// </summary>
public static class ConfigurationRefusal
{
    public const int ExitCode = ConfigurationErrors.ExitCode;

    /// <summary>
    /// For a refusal thrown while the services are wired, before <see cref="BuildService"/> (a section read to decide
    /// what to register): the process ends with the one line when such an exception escapes the program.
    /// </summary>
    internal static void RefuseWhenUnhandled(string applicationName) =>
        AppDomain.CurrentDomain.UnhandledException += (_, unhandled) =>
        {
            if (OwnsTheProcess(applicationName) && unhandled.ExceptionObject is Exception e && ConfigurationErrors.Describe(e) is { } message)
            {
                Refuse(message);
                Environment.Exit(ExitCode);
            }
        };

    /// <summary>
    /// <see cref="WebApplicationBuilder.Build"/>, then every <c>ValidateOnStart</c> check at once, before anything resolves
    /// the options (mapping the health checks builds the bus, which reads its consumers' settings) and before the host
    /// starts (which would log the failure with its stack trace). A refusal ends the process here: nothing has started.
    /// </summary>
    public static WebApplication BuildService(this WebApplicationBuilder builder)
    {
        var app = builder.Build();
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return app;
        }
        catch (Exception e) when (OwnsTheProcess(app.Environment.ApplicationName) && ConfigurationErrors.Describe(e) is { } message)
        {
            Refuse(message);
            Environment.Exit(ExitCode);
            throw;
        }
    }

    /// <summary><see cref="WebApplication.RunAsync"/> until the host stops (exit code 0), or the refusal above.</summary>
    public static Task<int> RunServiceAsync(this WebApplication app) =>
        app.RunRefusingBadSettingsAsync(async () =>
        {
            await app.RunAsync();
            return 0;
        });

    /// <summary>Runs <paramref name="run"/> (which starts <paramref name="app"/>) and returns its exit code, or the
    /// refusal above for a setting refused at start (<see cref="StartupRefusal"/>, or an options validation exception).</summary>
    public static async Task<int> RunRefusingBadSettingsAsync(this WebApplication app, Func<Task<int>> run)
    {
        // Read before the run: a host that ran has disposed its services.
        var ownsTheProcess = OwnsTheProcess(app.Environment.ApplicationName);
        var refusal = app.Services.GetService<StartupRefusal>();
        try
        {
            var exitCode = await run();
            if (refusal?.Reason is { } reason)
            {
                Refuse(OneLine(reason));
                return ExitCode;
            }

            return exitCode;
        }
        catch (Exception e) when (ownsTheProcess && ConfigurationErrors.Describe(e) is { } message)
        {
            Refuse(message);
            return ExitCode;
        }
    }

    private static void Refuse(string message) => Console.Error.WriteLine("configuration error: " + message);

    /// <summary>Whether the application named <paramref name="applicationName"/> is the process's program; a test host
    /// that runs it in its own process (<c>WebApplicationFactory</c>) gets the exception instead, as the reason to assert on.</summary>
    private static bool OwnsTheProcess(string applicationName) => Assembly.GetEntryAssembly()?.GetName().Name == applicationName;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
