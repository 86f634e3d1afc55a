using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>The shared throwaway virtual host, with what the CLI tests inspect on the broker.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly Testing.RabbitMqVirtualHost _host;

    private RabbitMqVirtualHost(Testing.RabbitMqVirtualHost host) => _host = host;

    public string Name => _host.Name;

    public string AmqpUri => _host.AmqpUri;

    public string ManagementUrl => _host.ManagementUrl;

    /// <summary>The CLI options that point it at this virtual host.</summary>
    public string[] CliOptions => ["--amqp", AmqpUri, "--management", ManagementUrl];

    public static async Task<RabbitMqVirtualHost> CreateAsync() => new(await Testing.RabbitMqVirtualHost.CreateAsync());

    public async Task<IConnection> ConnectAsync() => await new ConnectionFactory { Uri = new Uri(AmqpUri) }.CreateConnectionAsync();

    /// <summary>The number of ready messages; 0 while the queue does not exist yet (MassTransit creates it on the first fault).</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Takes every message of the queue (destructively), in queue order.</summary>
    public async Task<List<BasicGetResult>> DrainAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Client-provided names of the open connections to this virtual host.</summary>
    public async Task<IReadOnlyList<string>> ConnectionNamesAsync()
    {
        using var document = JsonDocument.Parse(await _host.Management.GetStringAsync($"/api/vhosts/{Name}/connections"));
        return [.. document.RootElement.EnumerateArray()
            .Select(c => c.TryGetProperty("client_properties", out var p) && p.TryGetProperty("connection_name", out var n) ? n.GetString() ?? "" : "")];
    }

    public async Task DeleteQueueAsync(string queue) =>
        (await _host.Management.DeleteAsync($"/api/queues/{Name}/{Uri.EscapeDataString(queue)}")).EnsureSuccessStatusCode();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
