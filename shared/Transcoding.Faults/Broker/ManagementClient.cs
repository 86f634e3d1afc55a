using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace Transcoding.Faults.Broker;

/// <summary>The RabbitMQ management HTTP API: the only place that can list a virtual host's queues.</summary>
public sealed class ManagementClient(HttpClient http)
{
    public async Task<IReadOnlyList<QueueInfo>> ListQueuesAsync(BrokerEndpoints broker, CancellationToken cancellationToken)
    {
        var uri = new Uri(broker.Management, $"api/queues/{Uri.EscapeDataString(broker.VirtualHost)}?columns=name,messages,consumers,type");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.User}:{broker.Password}")));
        using var response = await http.SendAsync(request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new BrokerException(BrokerFailure.Refused, $"the management API refused user '{broker.User}' on virtual host '{broker.VirtualHost}'");
            case HttpStatusCode.NotFound:
                throw new BrokerException(BrokerFailure.NotFound, $"virtual host '{broker.VirtualHost}' does not exist");
        }

        response.EnsureSuccessStatusCode();
        var queues = await response.Content.ReadFromJsonAsync<List<ManagementQueue>>(cancellationToken) ?? [];
        return [.. queues.Select(q => new QueueInfo(q.Name, q.Messages ?? 0, q.Consumers ?? 0, q.Type ?? "classic")).OrderBy(q => q.Name, StringComparer.Ordinal)];
    }

    private sealed record ManagementQueue(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages")] long? Messages,
        [property: JsonPropertyName("consumers")] long? Consumers,
        [property: JsonPropertyName("type")] string? Type);
}
