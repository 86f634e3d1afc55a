using System.Net;
using Transcoding.Contracts;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>The worker's signed callback: its verdict is accepted and published, its code and message made safe
/// (<see cref="FailureReportRules"/>; the dispatcher's poll is held to the same cases).</summary>
public sealed class When_a_worker_reports_a_failure_code_that_is_not_a_token(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string, string, string, string, string> Cases => FailureReports.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_failure_is_published_with_a_token_code_and_a_clean_message(string scenario, string code, string message, string publishedCode, string publishedMessage)
    {
        var mediaId = Guid.NewGuid();

        var response = await gateway.Host.DeliverAsync(Reports.Failed(mediaId) with { Error = new CallbackError(code, message, Permanent: true) }, gateway.Secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var failed = Assert.IsType<TranscodeFailed>(Assert.Single(gateway.Host.PublishedFor(mediaId)));
        Assert.Equal((publishedCode, publishedMessage, true), (failed.ErrorCode, failed.ErrorMessage, failed.Permanent));
        Assert.True(FailureReportRules.IsCode(failed.ErrorCode), scenario);
    }
}
