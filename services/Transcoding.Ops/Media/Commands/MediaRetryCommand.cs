using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media.Commands;

/// <summary><c>media retry &lt;id&gt;</c>: asks the orchestrator for one more attempt (exit 4 with its reason when refused).</summary>
public sealed class MediaRetryCommand(OpsOutput output, MediaStatusClient client, IOptions<OpsOptions> options)
    : MediaCommand<MediaRetrySettings>(output, options)
{
    protected override async Task<int> RunAsync(MediaRetrySettings settings, CancellationToken cancellationToken)
    {
        var mediaId = MediaId(settings);
        await client.RetryAsync(Api(settings), mediaId, settings.RequestedBy, settings.Reason, cancellationToken);
        if (settings.Json)
        {
            Output.WriteJson(new { MediaId = mediaId, Accepted = true });
        }
        else
        {
            Output.Console.WriteLine($"Retry of {mediaId} accepted; follow it with: media show {mediaId}");
        }

        return ExitCodes.Ok;
    }
}
