using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Media;

public sealed class MediaRetrySettings : MediaSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the retry was asked for; kept in the media item's history.")]
    public string Reason { get; init; } = "manual retry";

    [CommandOption("--requested-by <NAME>")]
    [Description("Who asked (default: the OS user name).")]
    public string RequestedBy { get; init; } = Environment.UserName;
}
