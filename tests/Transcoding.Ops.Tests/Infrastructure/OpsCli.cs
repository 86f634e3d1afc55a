using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Runs the CLI in this process with an empty configuration and captured, non-interactive output.</summary>
public static class OpsCli
{
    public static async Task<OpsRun> RunAsync(params string[] args)
    {
        var console = new StringWriter();
        var json = new StringWriter();
        var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240;
        var app = OpsApp.Create(new ConfigurationBuilder().Build(), ansi, json, error);
        var exitCode = await app.RunAsync(args);
        return new OpsRun(exitCode, console.ToString(), json.ToString(), error.ToString());
    }
}
