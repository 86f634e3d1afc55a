using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Faults;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary><c>faults show &lt;id&gt;</c>: every copy of one message in the error queues, headers and body.</summary>
public sealed class FaultsShowCommand(OpsOutput output, FaultOperations faults, IOptions<OpsOptions> options)
    : FaultCommand<FaultShowSettings>(output, faults, options)
{
    protected override async Task<int> RunAsync(FaultShowSettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var selector = new FaultSelector(SelectorKind.Id, settings.Id);
        var queues = await Faults.QueuesToReadAsync(broker, selector, cancellationToken);
        var matches = await Faults.SelectAsync(broker, queues, selector, cancellationToken);

        if (settings.Json)
        {
            Output.WriteJson(matches.Select(FaultView.Detail));
            return ExitCodes.Ok;
        }

        foreach (var message in matches)
        {
            Output.Console.Write(FaultView.Details(message));
        }

        return ExitCodes.Ok;
    }
}
