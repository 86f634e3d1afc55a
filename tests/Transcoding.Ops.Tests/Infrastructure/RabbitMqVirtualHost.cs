using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>A throwaway virtual host on the test broker, deleted (with its queues) when the test ends.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private RabbitMqVirtualHost(HttpClient management, string name, string amqpUri, string managementUrl)
    {
        _management = management;
        Name = name;
        AmqpUri = amqpUri;
        ManagementUrl = managementUrl;
    }

    public string Name { get; }

    public string AmqpUri { get; }

    public string ManagementUrl { get; }

    /// <summary>The CLI options that point it at this virtual host.</summary>
    public string[] CliOptions => ["--amqp", AmqpUri, "--management", ManagementUrl];

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var broker = new Uri(TestEnvironment.Require("TEST_RABBITMQ_URI"));
        var managementUrl = TestEnvironment.Require("TEST_RABBITMQ_MANAGEMENT");
        var management = new HttpClient { BaseAddress = new Uri(managementUrl) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = "ops-" + Guid.NewGuid().ToString("N")[..12];
        (await management.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"/api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(management, name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString(), managementUrl);
    }

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
        using var document = JsonDocument.Parse(await _management.GetStringAsync($"/api/vhosts/{Name}/connections"));
        return [.. document.RootElement.EnumerateArray()
            .Select(c => c.TryGetProperty("client_properties", out var p) && p.TryGetProperty("connection_name", out var n) ? n.GetString() ?? "" : "")];
    }

    public async Task DeleteQueueAsync(string queue) =>
        (await _management.DeleteAsync($"/api/queues/{Name}/{Uri.EscapeDataString(queue)}")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"/api/vhosts/{Name}");
        _management.Dispose();
    }
}
