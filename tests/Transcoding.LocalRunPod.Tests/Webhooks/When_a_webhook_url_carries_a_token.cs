using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Webhooks;

/// <summary>
/// The dispatcher's job webhooks are gateway URLs with a per-job token in the path. Delivering one (refused first,
/// then accepted) and answering about the job leave it in no log line at Trace level and no exported span or metric.
/// The delivery's own client span is made outside any operation and so is not sampled; where a client span is
/// exported, its <c>url.full</c> is redacted (<c>When_a_service_is_traced</c>, and the end-to-end one-trace test, whose
/// listener records every span, this one included).
/// </summary>
public sealed class When_a_webhook_url_carries_a_token
{
    private const string Token = "q3Yx_Zt-9wV2bQeR7uLmN4kPjH8sD1fG0aC6oI5yTxE";

    [Fact]
    public async Task Its_delivery_logs_and_exports_no_token()
    {
        var telemetry = new TelemetryCapture();
        await using var receiver = await WebhookReceiver.StartAsync(refusals: 1, path: $"/webhooks/runpod/{Guid.NewGuid()}/1/{Token}");
        var server = await LocalRunPodTestServer.StartAsync(telemetry: telemetry);
        var logs = server.Logs;
        await using (server)
        {
            var jobId = await server.RunAsync(new { n = 1 }, receiver.Url);
            await server.TakeAsync("worker-w");
            await server.DoneAsync("worker-w", jobId, new { output = new { ok = true } });
            await receiver.WaitForDeliveryAsync();
            await server.StatusAsync(jobId);
        }

        Assert.Equal(2, receiver.Attempts);
        Assert.Contains(logs.GetSnapshot(), log => log.Id.Name == "WebhookRefused");
        logs.AssertNoneLogged([Token]);
        telemetry.AssertNoneExported([Token]);
    }
}
