using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Cli;

/// <summary>Options every command has.</summary>
public class OpsSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Write JSON for scripts instead of tables.")]
    public bool Json { get; init; }
}
