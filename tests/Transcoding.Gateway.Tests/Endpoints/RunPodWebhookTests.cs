using System.Net;
using System.Text;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

public sealed class RunPodWebhookTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private readonly Guid _mediaId = Guid.NewGuid();

    [Theory]
    [InlineData("FAILED", RunPodJobReport.FailedCode)]
    [InlineData("TIMED_OUT", RunPodJobReport.TimedOutCode)]
    [InlineData("CANCELLED", RunPodJobReport.CancelledCode)]
    public async Task When_RunPod_reports_a_failed_job_with_a_good_token_TranscodeFailed_is_published(string status, string code)
    {
        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job(status, error: "\"worker lost\""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var failed = Assert.IsType<TranscodeFailed>(Assert.Single(gateway.Host.PublishedFor(_mediaId)));
        Assert.Equal((1, "job-7", code, "worker lost", false), (failed.Attempt, failed.JobId, failed.ErrorCode, failed.ErrorMessage, failed.Permanent));
    }

    [Fact]
    public async Task When_RunPod_repeats_a_failure_it_is_published_once()
    {
        var token = gateway.Tokens.Create(_mediaId, 2);

        await PostAsync(_mediaId, 2, token, Job("FAILED"));
        var repeat = await PostAsync(_mediaId, 2, token, Job("FAILED"));

        Assert.Equal(HttpStatusCode.NoContent, repeat.StatusCode);
        Assert.Single(gateway.Host.PublishedFor(_mediaId));
    }

    [Theory]
    [InlineData("not-the-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task When_the_token_is_bad_it_is_refused_and_nothing_is_published(string token)
    {
        var response = await PostAsync(_mediaId, 1, token, Job("FAILED"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_the_token_was_made_for_another_attempt_it_is_refused()
    {
        var response = await PostAsync(_mediaId, 2, gateway.Tokens.Create(_mediaId, 1), Job("FAILED"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_the_token_was_made_with_another_key_it_is_refused()
    {
        var foreign = new RunPodWebhookToken(Convert.FromBase64String(GatewayHost.NewTokenKey()));

        var response = await PostAsync(_mediaId, 1, foreign.Create(_mediaId, 1), Job("FAILED"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_RunPod_reports_completion_after_the_signed_callback_nothing_new_is_published()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.Host.DeliverAsync(Reports.Completed(_mediaId), gateway.Secret)).StatusCode);

        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("COMPLETED", output: Reports.Outputs(_mediaId)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.IsType<TranscodeCompleted>(Assert.Single(gateway.Host.PublishedFor(_mediaId)));
    }

    [Fact]
    public async Task When_RunPod_reports_failure_after_the_worker_reported_its_own_nothing_new_is_published()
    {
        await gateway.Host.DeliverAsync(Reports.Failed(_mediaId), gateway.Secret);

        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("FAILED"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var failed = Assert.IsType<TranscodeFailed>(Assert.Single(gateway.Host.PublishedFor(_mediaId)));
        Assert.True(failed.Permanent);
    }

    [Fact]
    public async Task When_RunPod_reports_completion_and_the_callback_was_lost_TranscodeCompleted_is_published_from_its_output()
    {
        var outputs = Reports.Outputs(_mediaId);

        var response = await PostAsync(_mediaId, 3, gateway.Tokens.Create(_mediaId, 3), Job("COMPLETED", output: outputs));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var completed = Assert.IsType<TranscodeCompleted>(Assert.Single(gateway.Host.PublishedFor(_mediaId)));
        Assert.Equal((3, "job-7", outputs.ManifestKey), (completed.Attempt, completed.JobId, completed.Outputs.ManifestKey));
    }

    /// <summary>The dispatcher's poll turns the same status into the same failure (PollTranscodeStatusConsumerTests).</summary>
    [Fact]
    public async Task When_RunPod_reports_completion_with_keys_of_another_media_the_attempt_fails_as_output_invalid()
    {
        var outputs = Reports.Outputs(_mediaId) with { ManifestKey = MediaKeys.Manifest(Guid.NewGuid()) };

        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("COMPLETED", output: outputs));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var failed = Assert.IsType<TranscodeFailed>(Assert.Single(gateway.Host.PublishedFor(_mediaId)));
        Assert.Equal((1, "job-7", RunPodJobReport.OutputInvalidCode, false), (failed.Attempt, failed.JobId, failed.ErrorCode, failed.Permanent));
    }

    [Fact]
    public async Task When_RunPod_reports_completion_without_an_outputs_record_it_is_refused_and_left_to_the_poll()
    {
        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("COMPLETED"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Theory]
    [InlineData("IN_QUEUE")]
    [InlineData("IN_PROGRESS")]
    public async Task When_RunPod_reports_a_job_still_running_nothing_is_published(string status)
    {
        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job(status));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_the_status_is_not_a_RunPod_status_the_content_is_refused()
    {
        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("EXPLODED"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_the_body_is_not_json_it_is_a_bad_request()
    {
        var response = await gateway.Host.Client.PostAsync(Route(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1)), new StringContent("<xml/>", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    [Fact]
    public async Task When_the_body_is_over_the_limit_it_is_refused_as_too_large()
    {
        var response = await PostAsync(_mediaId, 1, gateway.Tokens.Create(_mediaId, 1), Job("FAILED", error: JsonSerializer.Serialize(new string('e', 300 * 1024))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(gateway.Host.PublishedFor(_mediaId));
    }

    private static string Route(Guid mediaId, int attempt, string token) => $"/webhooks/runpod/{mediaId:D}/{attempt}/{token}";

    private static string Job(string status, TranscodeOutputs? output = null, string? error = null) =>
        $$"""{"id":"job-7","status":"{{status}}","output":{{(output is null ? "null" : JsonSerializer.Serialize(output, JsonDefaults.Web))}},"error":{{error ?? "null"}},"delayTime":120,"executionTime":4100}""";

    private async Task<HttpResponseMessage> PostAsync(Guid mediaId, int attempt, string token, string body)
    {
        var response = await gateway.Host.Client.PostAsync(Route(mediaId, attempt, token), new StringContent(body, Encoding.UTF8, "application/json"));
        gateway.Host.Logs.AssertNoneLogged([.. gateway.Secrets(), token]);
        return response;
    }
}
