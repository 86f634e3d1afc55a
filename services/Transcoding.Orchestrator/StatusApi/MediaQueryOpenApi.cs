using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Transcoding.Orchestrator.Queries;
using Transcoding.Shared;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>Examples of <c>GET /media</c> and <c>GET /media/stats</c> in the OpenAPI document: the response records
/// themselves, serialized as the API serializes them, so an example cannot drift from its shape.</summary>
internal static class MediaQueryOpenApi
{
    private static readonly Guid First = Guid.Parse("0b6d3c8e-4f5a-4e21-9a57-1c2d3e4f5a6b");
    private static readonly Guid Second = Guid.Parse("0a1f2e3d-4c5b-4a69-8877-665544332211");
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public static Task DescribeList(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        MediaSummary Item(Guid id, string state, string? code, int attempts, double progress, TimeSpan age) =>
            new(id, state, code, attempts, 2, progress, $"uploads/{id}/source.mp4", At - age - TimeSpan.FromSeconds(2), At - age, At - age / 2);
        var page = new MediaPage(
            [Item(First, "transcoding", null, 1, 42.5, TimeSpan.FromMinutes(3)), Item(Second, "failed", "source_unreadable", 1, 0, TimeSpan.FromMinutes(9))],
            new MediaCursor(At - TimeSpan.FromMinutes(9), Second).Encode());
        Describe(operation, page, MediaQueryParameters.UnknownState, new()
        {
            ["state"] = "failed",
            ["code"] = "source_unreadable",
            ["updatedSince"] = "2026-12-01T00:00:00Z",
            ["limit"] = "50",
            ["cursor"] = page.NextCursor!,
        });
        return Task.CompletedTask;
    }

    public static Task DescribeStats(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var stats = new MediaStats(
            "P1D",
            At - TimeSpan.FromDays(1),
            new MediaStateCounts(0, 12, 4810, 57),
            new MediaFinishedCounts(611, 9),
            [new FailureCodeGroup("source_unreadable", 6, [Second, First]), new FailureCodeGroup("cancelled", 3, [First])],
            new StuckMedia(1, [First]),
            40_211.7,
            8.04m);
        Describe(operation, stats, MediaQueryParameters.BadWindow, new() { ["window"] = "PT1H" });
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, object example, string refusal, Dictionary<string, string> parameters)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && parameter.Name is { } name && parameters.TryGetValue(name, out var value))
            {
                concrete.Example = JsonValue.Create(value);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var content in response.Content?.Values ?? [])
            {
                content.Example = status switch
                {
                    "200" => JsonSerializer.SerializeToNode(example, example.GetType(), JsonDefaults.Web),
                    "400" => JsonSerializer.SerializeToNode(new ProblemDetails
                    {
                        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                        Title = "Invalid query parameter",
                        Status = StatusCodes.Status400BadRequest,
                        Detail = refusal,
                    }, JsonDefaults.Web),
                    _ => content.Example,
                };
            }
        }
    }
}
