using Microsoft.Extensions.Options;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media.Commands;

/// <summary><c>media cancel &lt;id&gt;</c>: stops an item in uploaded or transcoding (<c>POST /media/{id}/cancel</c>).</summary>
public sealed class MediaCancelCommand(OpsOutput output, MediaStatusClient client, IOptions<OpsOptions> options)
    : MediaRequestCommand(MediaRequest.Cancel, output, client, options);
