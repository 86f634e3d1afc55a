using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops;

/// <summary>The command-line application; tests create it with their own configuration and writers.</summary>
public static class OpsApp
{
    /// <summary>Runs with the process's environment and console; Ctrl+C cancels the command, which then puts back what it holds.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        // The first Ctrl+C asks politely (exit 130 after the requeue); a second one ends the process at once.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await Create().RunAsync(args, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static CommandApp Create(IConfiguration? configuration = null, IAnsiConsole? console = null, TextWriter? json = null, TextWriter? error = null)
    {
        console ??= AnsiConsole.Console;
        error ??= Console.Error;
        var services = new ServiceCollection().AddOps(
            configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build(),
            new OpsOutput(console, json ?? Console.Out, error));
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config => config.AddOpsCommands(console, error));
        return app;
    }
}
