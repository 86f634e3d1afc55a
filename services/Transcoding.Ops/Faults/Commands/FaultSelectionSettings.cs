using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transcoding.Faults;
using Transcoding.Ops.Broker;

namespace Transcoding.Ops.Faults.Commands;

/// <summary>The selectors shared by replay and purge.</summary>
public class FaultSelectionSettings : BrokerSettings
{
    [CommandOption("--id <MESSAGE_ID>")]
    [Description("One message, by its AMQP message id (MassTransit's message id).")]
    public string? Id { get; init; }

    [CommandOption("--queue <QUEUE>")]
    [Description("Every message of one error queue (name it with or without the _error suffix).")]
    public string? Queue { get; init; }

    [CommandOption("--group <GROUP>")]
    [Description("Every message of one failure group (ids from 'faults list').")]
    public string? Group { get; init; }

    [CommandOption("--all")]
    [Description("Every message of every error queue.")]
    public bool All { get; init; }

    [CommandOption("--dry-run")]
    [Description("Show what would be done; change nothing.")]
    public bool DryRun { get; init; }

    public FaultSelector Selector => FaultSelector.From(Id, Queue, Group, All).Selector
        ?? throw new InvalidOperationException("Validate() lets only one selector through.");

    public override ValidationResult Validate() => FaultSelector.From(Id, Queue, Group, All).Error is { } error
        ? ValidationResult.Error(error)
        : ValidationResult.Success();
}
