using Microsoft.AspNetCore.Http;

namespace Transcoding.Worker.Tests.Support;

/// <summary>An answer <see cref="FakeRunPod"/> gives to the next job-take or job-stop poll.</summary>
/// <param name="ContentType">Null: no body and no content type.</param>
public sealed record ScriptedAnswer(int Status, string Body = "", string? ContentType = null)
{
    public IResult ToResult() => ContentType is null ? Results.StatusCode(Status) : Results.Text(Body, ContentType, statusCode: Status);
}
