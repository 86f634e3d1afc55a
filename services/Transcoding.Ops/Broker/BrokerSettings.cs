using System.ComponentModel;
using Spectre.Console.Cli;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Broker;

/// <summary>Where the broker is; unset options fall back to <c>Ops:RabbitMqUri</c> and <c>Ops:ManagementUrl</c>.</summary>
public class BrokerSettings : OpsSettings
{
    [CommandOption("--amqp <URI>")]
    [Description("AMQP URI with the virtual host as its path (default Ops:RabbitMqUri, amqp://guest:guest@127.0.0.1:5672/).")]
    public string? Amqp { get; init; }

    [CommandOption("--management <URL>")]
    [Description("RabbitMQ management API (default Ops:ManagementUrl, http://127.0.0.1:15672); credentials from the AMQP URI unless given here.")]
    public string? Management { get; init; }
}
