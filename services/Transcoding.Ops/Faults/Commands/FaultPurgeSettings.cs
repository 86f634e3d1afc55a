using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Faults.Commands;

public sealed class FaultPurgeSettings : FaultSelectionSettings
{
    [CommandOption("--yes")]
    [Description("Do not ask for confirmation (required when not at a terminal).")]
    public bool Yes { get; init; }
}
