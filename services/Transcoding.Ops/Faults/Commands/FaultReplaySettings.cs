using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Faults.Commands;

public sealed class FaultReplaySettings : FaultSelectionSettings
{
    [CommandOption("--rate <PER_SECOND>")]
    [Description("Replay at most this many messages per second, so a service that just recovered is not flooded (0 = no limit).")]
    public double Rate { get; init; }

    public override ValidationResult Validate() => Rate < 0 ? ValidationResult.Error("--rate cannot be negative") : base.Validate();
}
