using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.StatusApi;

/// <summary><c>GET /media</c> and <c>GET /media/stats</c> over HTTP on the orchestrator as <c>make run</c> runs it
/// (in-memory saga store), as a reader: the contract's JSON, the route of <c>stats</c> beside <c>{id}</c>, and the 400s.</summary>
public sealed class When_media_is_listed_over_http(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    // Reading is all the list and stats need.
    private readonly HttpClient _client = OrchestratorFactory.ClientFor(factory, OrchestratorFactory.ReaderKey);

    [Fact]
    public async Task When_items_were_uploaded_the_list_pages_through_them_and_the_stats_count_them()
    {
        Guid[] ids = [await Upload(), await Upload()];
        await Eventually.Until(() => _client.GetFromJsonAsync<MediaPage>("/media?state=transcoding&limit=200", JsonDefaults.Web),
            page => ids.All(id => page!.Items.Any(i => i.MediaId == id)), "both uploads listed as transcoding");

        var walked = new List<Guid>();
        JsonObject? first = null;
        for (var cursor = ""; cursor is not null;)
        {
            var page = (await _client.GetFromJsonAsync<JsonObject>($"/media?state=transcoding&limit=1{(cursor.Length > 0 ? "&cursor=" + cursor : "")}"))!;
            first ??= page;
            walked.AddRange(page["items"]!.AsArray().Select(i => Guid.Parse((string)i!["mediaId"]!)));
            cursor = (string?)page["nextCursor"];
        }

        Assert.Equal(walked.Distinct(), walked);
        Assert.All(ids, id => Assert.Contains(id, walked));
        Assert.Equal(
            ["mediaId", "state", "failureCode", "attemptsUsed", "attemptsAllowed", "progress", "sourceKey", "uploadedAt", "createdAt", "updatedAt"],
            first!["items"]![0]!.AsObject().Select(p => p.Key));
        var stats = await _client.GetFromJsonAsync<MediaStats>("/media/stats?window=PT1H", JsonDefaults.Web);
        Assert.Equal("PT1H", stats!.Window);
        Assert.True(stats.CountsByState.Transcoding >= 2, $"{stats.CountsByState.Transcoding} transcoding");
    }

    [Fact]
    public async Task When_a_cursor_is_edited_or_cut_the_answer_is_400_with_the_reason()
    {
        await Upload();
        await Upload();
        var page = await Eventually.Until(() => _client.GetFromJsonAsync<MediaPage>("/media?limit=1", JsonDefaults.Web),
            p => p!.NextCursor is not null, "a page with a next cursor");
        var cursor = page!.NextCursor!;
        var edited = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        foreach (var bad in new[] { edited, cursor[..^2], cursor + "AA", "not-a-cursor" })
        {
            await AssertRefusedAsync($"/media?cursor={bad}", MediaQueryParameters.BadCursor);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/media?limit=1&cursor={cursor}")).StatusCode);
    }

    [Theory]
    [InlineData("/media?state=done", MediaQueryParameters.UnknownState)]
    [InlineData("/media?state=Failed", MediaQueryParameters.UnknownState)]
    [InlineData("/media?limit=0", MediaQueryParameters.BadLimit)]
    [InlineData("/media?limit=201", MediaQueryParameters.BadLimit)]
    [InlineData("/media?limit=ten", MediaQueryParameters.BadLimit)]
    [InlineData("/media?updatedSince=2026-12-01T00:00:00", MediaQueryParameters.BadUpdatedSince)]
    [InlineData("/media?updatedSince=yesterday", MediaQueryParameters.BadUpdatedSince)]
    [InlineData("/media?state=ready&code=source_unreadable", MediaQueryParameters.CodeOfAnotherState)]
    [InlineData("/media?code=", MediaQueryParameters.BadCode)]
    [InlineData("/media?code=a%00", MediaQueryParameters.BadCode)]
    [InlineData("/media?code=%01", MediaQueryParameters.BadCode)]
    [InlineData("/media?code=Source_Unreadable", MediaQueryParameters.BadCode)]
    [InlineData("/media?code=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", MediaQueryParameters.BadCode)]
    [InlineData("/media?code=a&code=b", MediaQueryParameters.Repeated)]
    [InlineData("/media?state=ready&state=failed", MediaQueryParameters.Repeated)]
    [InlineData("/media?limit=1&limit=2", MediaQueryParameters.Repeated)]
    [InlineData("/media?cursor=a&cursor=b", MediaQueryParameters.Repeated)]
    [InlineData("/media?updatedSince=2026-12-01T00:00:00Z&updatedSince=2026-12-02T00:00:00Z", MediaQueryParameters.Repeated)]
    [InlineData("/media/stats?window=PT1H&window=P1D", MediaQueryParameters.Repeated)]
    [InlineData("/media?updatedSince=2026-12-01T00:00:00.1234567891%00Z", MediaQueryParameters.BadUpdatedSince)]
    [InlineData("/media/stats?window=P31D", MediaQueryParameters.BadWindow)]
    [InlineData("/media/stats?window=P1M", MediaQueryParameters.BadWindow)]
    [InlineData("/media/stats?window=PT0S", MediaQueryParameters.BadWindow)]
    [InlineData("/media/stats?window=-P1D", MediaQueryParameters.BadWindow)]
    [InlineData("/media/stats?window=1h", MediaQueryParameters.BadWindow)]
    public async Task When_a_parameter_is_invalid_the_answer_is_400_with_a_stable_text(string uri, string detail) =>
        await AssertRefusedAsync(uri, detail);

    [Theory]
    [InlineData("/media?updatedSince=2026-12-01T00:00:00Z&limit=200&state=failed&code=cancelled")]
    [InlineData("/media?updatedSince=2026-12-01T01:00:00.123%2B01:00")]
    [InlineData("/media?updatedSince=2026-12-01T00:00:00.123456789Z")]
    [InlineData("/media?updatedSince=2026-12-01T01:00:00.123456789%2B01:00")]
    [InlineData("/media?state=failed&code=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/media/stats?window=P30D")]
    [InlineData("/media/stats?window=PT90M")]
    [InlineData("/media/stats")]
    public async Task When_the_parameters_are_valid_the_answer_is_200(string uri) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(uri)).StatusCode);

    [Fact]
    public async Task The_openapi_document_describes_the_list_and_stats_with_examples()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var list = document["paths"]!["/media"]!["get"]!;
        var stats = document["paths"]!["/media/stats"]!["get"]!;
        Assert.Equal(["state", "code", "updatedSince", "limit", "cursor"], list["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.All(list["parameters"]!.AsArray(), p => Assert.NotNull(p!["example"]));
        Assert.NotNull(list["responses"]!["200"]!["content"]!["application/json"]!["example"]!["nextCursor"]);
        Assert.NotNull(stats["responses"]!["200"]!["content"]!["application/json"]!["example"]!["failuresByCode"]![0]!["examples"]);
        Assert.Equal(MediaQueryParameters.BadWindow, (string?)stats["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!["detail"]);
    }

    private async Task AssertRefusedAsync(string uri, string detail)
    {
        using var response = await _client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    private async Task<Guid> Upload()
    {
        var id = Guid.NewGuid();
        await factory.Services.GetRequiredService<IBus>().Publish(new MediaUploaded
        {
            MediaId = id,
            SourceKey = $"uploads/{id}/a.mp4",
            ContentType = "video/mp4",
            SizeBytes = 1,
            UploadedAt = DateTimeOffset.UtcNow,
        });
        return id;
    }
}
