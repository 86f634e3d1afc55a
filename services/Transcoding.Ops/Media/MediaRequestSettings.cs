using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Media;

/// <summary>Options of <c>media retry</c> and <c>media cancel</c>: who asks and why, kept in the item's history.</summary>
public sealed class MediaRequestSettings : MediaSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why it was asked for; kept in the media item's history (default: the orchestrator's, 'manual retry' or 'manual cancel').")]
    public string? Reason { get; init; }

    [CommandOption("--requested-by <NAME>")]
    [Description("On whose behalf (default: the OS user name); the history names the key's caller and keeps this as 'on behalf of' text.")]
    public string RequestedBy { get; init; } = Environment.UserName;
}
