using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops;

/// <summary>The command-line application; tests create it with their own configuration and writers.</summary>
public static class OpsApp
{
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
