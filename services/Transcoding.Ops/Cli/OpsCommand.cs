using System.Net.Sockets;
using RabbitMQ.Client.Exceptions;
using Spectre.Console.Cli;
using Transcoding.Faults.Broker;

namespace Transcoding.Ops.Cli;

/// <summary>
/// Maps what can go wrong to the documented exit codes, and scrubs the passwords the command knows about from every
/// message it prints (exception texts of the libraries included).
/// </summary>
public abstract class OpsCommand<TSettings>(OpsOutput output) : AsyncCommand<TSettings>
    where TSettings : OpsSettings
{
    protected OpsOutput Output { get; } = output;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Output.WriteError("interrupted: every message this run still held is back in its error queue");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            Output.WriteError(SecretMasker.Scrub(message, Secrets(settings)));
            return code;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>The passwords this command's settings carry (connection URIs).</summary>
    protected abstract IEnumerable<string> Secrets(TSettings settings);

    private static (int Code, string Message) Classify(Exception e) => e switch
    {
        OpsException ops => (ops.ExitCode, ops.Message),
        BrokerException broker => (broker.Failure switch
        {
            BrokerFailure.InvalidAddress => ExitCodes.Usage,
            BrokerFailure.NotFound => ExitCodes.NotFound,
            _ => ExitCodes.Unavailable,
        }, broker.Message),
        BrokerUnreachableException unreachable => (ExitCodes.Unavailable, "cannot connect to RabbitMQ: " + Innermost(unreachable).Message),
        AuthenticationFailureException => (ExitCodes.Unavailable, "RabbitMQ refused the credentials"),
        HttpRequestException http => (ExitCodes.Unavailable, "HTTP request failed: " + Innermost(http).Message),
        SocketException socket => (ExitCodes.Unavailable, socket.Message),
        TaskCanceledException => (ExitCodes.Unavailable, "the request timed out"),
        _ => (ExitCodes.Failure, $"{e.GetType().Name}: {e.Message}"),
    };

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
