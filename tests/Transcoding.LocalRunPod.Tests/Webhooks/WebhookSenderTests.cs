using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Webhooks;

public sealed class WebhookSenderTests
{
    [Fact]
    public async Task When_the_receiver_fails_twice_the_third_delivery_gets_through()
    {
        await using var receiver = await WebhookReceiver.StartAsync(refusals: 2);
        await using var server = await LocalRunPodTestServer.StartAsync();
        var jobId = await server.RunAsync(new { n = 1 }, receiver.Url);
        await server.TakeAsync("worker-w");

        await server.DoneAsync("worker-w", jobId, new { output = new { ok = true } });

        var delivered = await receiver.WaitForDeliveryAsync();
        Assert.Equal(jobId, delivered.GetProperty("id").GetString());
        Assert.Equal(3, receiver.Attempts);
    }

    [Fact]
    public async Task When_the_receiver_keeps_failing_delivery_stops_after_the_configured_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(refusals: 100);
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:WebhookRetries"] = "2" });
        var jobId = await server.RunAsync(new { n = 1 }, receiver.Url);

        (await server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();
        // The sender logs that it gave up only after its last attempt was answered, and makes none after that.
        await Eventually.True(() => server.Logs.GetSnapshot().Any(log => log.Id.Name == "WebhookAbandoned" && log.Message.Contains(jobId, StringComparison.Ordinal)),
            $"the sender to give up on the webhook of job {jobId}");
        Assert.Equal(3, receiver.Attempts);
        Assert.Empty(receiver.Received);
    }
}
