using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transcoding.Faults;

namespace Transcoding.Ops.Faults.Commands;

public sealed class FaultReplaySettings : FaultSelectionSettings
{
    [CommandOption("--rate <PER_SECOND>")]
    [Description("Replay at most this many messages per second (from 0.001 to 1000), so a service that just recovered is not flooded (0 = no limit).")]
    public double Rate { get; init; }

    public override ValidationResult Validate() => Rate != 0 && ReplayRate.Problem(Rate) is { } problem
        ? ValidationResult.Error("--" + problem + " (0: no limit)")
        : base.Validate();
}
