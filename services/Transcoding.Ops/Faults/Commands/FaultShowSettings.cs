using System.ComponentModel;
using Spectre.Console.Cli;
using Transcoding.Ops.Broker;

namespace Transcoding.Ops.Faults.Commands;

public sealed class FaultShowSettings : BrokerSettings
{
    [CommandArgument(0, "<MESSAGE_ID>")]
    [Description("The AMQP message id (MassTransit's message id), as 'faults list --json' shows it.")]
    public string Id { get; init; } = "";
}
