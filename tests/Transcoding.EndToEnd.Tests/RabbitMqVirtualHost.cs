using System.Net.Http.Headers;
using System.Text;

namespace Transcoding.EndToEnd.Tests;

/// <summary>A throwaway virtual host, so concurrent test runs on one broker never see each other's queues.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private RabbitMqVirtualHost(HttpClient management, string name, string amqpUri)
    {
        _management = management;
        Name = name;
        AmqpUri = amqpUri;
    }

    public string Name { get; }

    public string AmqpUri { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var broker = new Uri(TestEnvironment.Require("TEST_RABBITMQ_URI"));
        var management = new HttpClient { BaseAddress = new Uri(TestEnvironment.Require("TEST_RABBITMQ_MANAGEMENT")) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        (await management.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"/api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(management, name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"/api/vhosts/{Name}");
        _management.Dispose();
    }
}
