using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Runs the CLI in this process with an empty configuration and captured output.</summary>
public static class OpsCli
{
    /// <summary>As a script runs it: output redirected, nobody to answer a prompt.</summary>
    public static Task<OpsRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>The same, with configuration (keys such as <c>Ops:ApiUrl</c>) as the environment would give it.</summary>
    public static async Task<OpsRun> RunAsync(Dictionary<string, string?> configuration, params string[] args)
    {
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240;
        var (exitCode, json, error) = await RunAsync(ansi, configuration, args);
        return new OpsRun(exitCode, console.ToString(), json, error);
    }

    /// <summary>As a person at a terminal runs it: <paramref name="terminal"/> holds the answers to the prompts.</summary>
    public static async Task<OpsRun> RunAtTerminalAsync(TestConsole terminal, params string[] args)
    {
        terminal.Profile.Width = 240;
        var (exitCode, json, error) = await RunAsync(terminal.Interactive(), [], args);
        return new OpsRun(exitCode, terminal.Output, json, error);
    }

    private static async Task<(int ExitCode, string Json, string Error)> RunAsync(IAnsiConsole console, Dictionary<string, string?> configuration, string[] args)
    {
        var json = new StringWriter();
        var error = new StringWriter();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        var exitCode = await OpsApp.Create(settings, console, json, error).RunAsync(args);
        return (exitCode, json.ToString(), error.ToString());
    }
}
