using System.ComponentModel;
using Spectre.Console.Cli;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Media;

public class MediaSettings : OpsSettings
{
    [CommandArgument(0, "<MEDIA_ID>")]
    [Description("The media id (a GUID).")]
    public string Id { get; init; } = "";

    [CommandOption("--api <URL>")]
    [Description("The orchestrator's status API (default Ops:ApiUrl, http://127.0.0.1:8080).")]
    public string? Api { get; init; }
}
