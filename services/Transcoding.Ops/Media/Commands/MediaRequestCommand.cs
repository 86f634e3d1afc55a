using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media.Commands;

/// <summary>
/// <c>media retry &lt;id&gt;</c> and <c>media cancel &lt;id&gt;</c>: sends the request to the orchestrator (exit 4 with
/// its reason when refused, 3 for an unknown item).
/// </summary>
public abstract class MediaRequestCommand(MediaRequest request, OpsOutput output, MediaStatusClient client, IOptions<OpsOptions> options)
    : MediaCommand<MediaRequestSettings>(output, options)
{
    protected override async Task<int> RunAsync(MediaRequestSettings settings, CancellationToken cancellationToken)
    {
        var mediaId = MediaId(settings);
        await client.RequestAsync(Api(settings), mediaId, request, settings.RequestedBy, settings.Reason, cancellationToken);
        if (settings.Json)
        {
            Output.WriteJson(new { MediaId = mediaId, Request = request, Accepted = true });
        }
        else
        {
            Output.Console.WriteLine($"{request} of {mediaId} accepted; follow it with: media show {mediaId}");
        }

        return ExitCodes.Ok;
    }
}
