using System.Diagnostics;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Dispatcher.Tests.RunPod;

public sealed class RunPodRunRequestFactoryTests
{
    private static readonly byte[] TokenKey = [1, 2, 3, 4, 5, 6, 7, 8];

    private static readonly RunPodOptions Options = new()
    {
        EndpointId = "e",
        ApiKey = "k",
        CallbackBaseUrl = "https://gateway.example.test/",
        WebhookTokenSecret = Convert.ToBase64String(TokenKey),
    };

    [Fact]
    public void When_an_attempt_is_dispatched_the_input_points_the_worker_at_its_source_and_callback()
    {
        var mediaId = Guid.NewGuid();

        var request = new RunPodRunRequestFactory(Microsoft.Extensions.Options.Options.Create(Options)).Create(
            new DispatchTranscode { MediaId = mediaId, Attempt = 2, SourceKey = "uploads/a.mov", SizeBytes = 10 });

        Assert.Equal(mediaId, request.Input.MediaId);
        Assert.Equal(2, request.Input.Attempt);
        Assert.Equal("uploads/a.mov", request.Input.SourceKey);
        Assert.Equal("https://gateway.example.test/webhooks/transcode", request.Input.CallbackUrl);
        Assert.Equal(TimeSpan.FromMinutes(15).TotalMilliseconds, request.Policy.ExecutionTimeout);
    }

    [Fact]
    public void When_an_attempt_is_dispatched_its_RunPod_webhook_carries_a_token_the_gateway_accepts_for_that_attempt_only()
    {
        var mediaId = Guid.NewGuid();

        var request = new RunPodRunRequestFactory(Microsoft.Extensions.Options.Options.Create(Options)).Create(
            new DispatchTranscode { MediaId = mediaId, Attempt = 1 });

        var prefix = $"https://gateway.example.test/webhooks/runpod/{mediaId:D}/1/";
        Assert.StartsWith(prefix, request.Webhook);
        var token = request.Webhook[prefix.Length..];
        var gateway = new RunPodWebhookToken(TokenKey);
        Assert.True(gateway.IsValid(mediaId, 1, token));
        Assert.False(gateway.IsValid(mediaId, 2, token));
    }

    [Fact]
    public void When_an_attempt_is_dispatched_inside_a_trace_the_worker_gets_its_traceparent()
    {
        using var activity = new Activity("dispatch").SetIdFormat(ActivityIdFormat.W3C).Start();

        var request = new RunPodRunRequestFactory(Microsoft.Extensions.Options.Options.Create(Options)).Create(
            new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1 });

        Assert.Equal(activity.Id, request.Input.TraceParent);
        Assert.StartsWith("00-", request.Input.TraceParent);
    }
}
