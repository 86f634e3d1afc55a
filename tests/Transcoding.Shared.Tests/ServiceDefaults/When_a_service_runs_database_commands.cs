using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoding.ServiceDefaults;

namespace Transcoding.Shared.Tests.ServiceDefaults;

/// <summary>
/// EF Core logs every command at Information, and the saga scheduler polls every second: a service leaves those lines
/// out unless its configuration asks for them.
/// </summary>
public sealed class When_a_service_runs_database_commands
{
    private const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    [Fact]
    public void Their_lines_are_logged_from_Warning_up_by_default()
    {
        var logged = CommandLevels(new() { ["Logging:LogLevel:Default"] = "Information" });

        Assert.Equal((false, true), logged);
    }

    [Fact]
    public void Configuration_can_bring_them_back()
    {
        var logged = CommandLevels(new() { [$"Logging:LogLevel:{Category}"] = "Information" });

        Assert.Equal((true, true), logged);
    }

    /// <returns>Whether a command line is logged at Information, and at Warning.</returns>
    private static (bool Information, bool Warning) CommandLevels(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        using var host = builder.Build();
        var commands = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return (commands.IsEnabled(LogLevel.Information), commands.IsEnabled(LogLevel.Warning));
    }
}
