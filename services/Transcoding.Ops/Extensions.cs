using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using Transcoding.Faults;
using Transcoding.Faults.Broker;
using Transcoding.Ops.Cli;
using Transcoding.Ops.Faults.Commands;
using Transcoding.Ops.Media;
using Transcoding.Ops.Media.Commands;

namespace Transcoding.Ops;

public static class Extensions
{
    /// <summary>What the CLI's RabbitMQ connections are named.</summary>
    public const string ClientName = "transcoding-ops";

    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddOps(this IServiceCollection services, IConfiguration configuration, OpsOutput output)
    {
        services.AddOptions<OpsOptions>().Bind(configuration.GetSection(OpsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(output);
        services.AddHttpClient<ManagementClient>(http => http.Timeout = HttpTimeout);
        services.AddHttpClient<MediaStatusClient>((provider, http) =>
        {
            http.Timeout = HttpTimeout;
            MediaStatusClient.Authenticate(http, provider.GetRequiredService<IOptions<OpsOptions>>().Value);
        });
        services.AddSingleton(provider => new ErrorQueues(provider.GetRequiredService<ManagementClient>(), ClientName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FaultOperations>();
        return services;
    }

    public static IConfigurator AddOpsCommands(this IConfigurator config, IAnsiConsole console, TextWriter error)
    {
        config.SetApplicationName("ops");
        config.ConfigureConsole(console);
        config.SetExceptionHandler((exception, _) => Fail(exception, error));
        config.CancellationExitCode(ExitCodes.Interrupted);
        config.AddBranch("faults", faults =>
        {
            faults.SetDescription("MassTransit error queues (<queue>_error) on RabbitMQ.");
            faults.AddCommand<FaultsListCommand>("list").WithDescription("Error queues and their messages grouped by exception type and message type.");
            faults.AddCommand<FaultsShowCommand>("show").WithDescription("Headers and body of one faulted message.");
            faults.AddCommand<FaultsReplayCommand>("replay").WithDescription("Move messages back to the queue they faulted on (byte for byte).")
                .WithExample("faults", "replay", "--group", "3fa2c1d0", "--dry-run");
            faults.AddCommand<FaultsPurgeCommand>("purge").WithDescription("Delete messages from the error queues.");
        });
        config.AddBranch("media", media =>
        {
            media.SetDescription("Media items, through the orchestrator's status API.");
            media.AddCommand<MediaShowCommand>("show").WithDescription("State, attempts, failure, outputs and history of a media item.");
            media.AddCommand<MediaRetryCommand>("retry").WithDescription("Ask for another transcode attempt of a failed media item.");
            media.AddCommand<MediaCancelCommand>("cancel").WithDescription("Stop the transcode of a media item in uploaded or transcoding: it ends failed with code cancelled.");
        });
        return config;
    }

    /// <summary>Errors Spectre raises before a command runs: bad arguments, failed validation, bad configuration.</summary>
    private static int Fail(Exception exception, TextWriter error)
    {
        var usage = exception is CommandAppException or OptionsValidationException;
        error.WriteLine("error: " + TerminalText.Clean(SecretMasker.MaskUris(exception.Message), multiline: true));
        error.WriteLine(usage ? "see ops --help" : exception.GetType().Name);
        return usage ? ExitCodes.Usage : ExitCodes.Failure;
    }
}
