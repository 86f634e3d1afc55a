using Microsoft.Extensions.Options;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media.Commands;

/// <summary><c>media retry &lt;id&gt;</c>: one more attempt of a failed item (<c>POST /media/{id}/retry</c>).</summary>
public sealed class MediaRetryCommand(OpsOutput output, MediaStatusClient client, IOptions<OpsOptions> options)
    : MediaRequestCommand(MediaRequest.Retry, output, client, options);
