using System.Net.Http.Headers;
using System.Text;

namespace Transcoding.Testing;

/// <summary>A throwaway virtual host on the test broker, so concurrent tests never see each other's queues.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private RabbitMqVirtualHost(HttpClient management, string name, string amqpUri)
    {
        Management = management;
        Name = name;
        AmqpUri = amqpUri;
    }

    public string Name { get; }

    /// <summary>The broker URI with this virtual host as its path.</summary>
    public string AmqpUri { get; }

    public string ManagementUrl => TestServers.RabbitMqManagement;

    /// <summary>The management HTTP API, authenticated as guest.</summary>
    public HttpClient Management { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var broker = new Uri(TestServers.RabbitMqUri);
        var management = new HttpClient { BaseAddress = new Uri(TestServers.RabbitMqManagement) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        (await management.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"/api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(management, name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Management.DeleteAsync($"/api/vhosts/{Name}");
        Management.Dispose();
    }
}
