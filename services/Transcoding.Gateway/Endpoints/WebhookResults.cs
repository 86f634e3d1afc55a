namespace Transcoding.Gateway.Endpoints;

public static class WebhookResults
{
    /// <summary>422: authenticated, well-formed JSON, but not a report we accept. Safe to detail: the sender proved who it is.</summary>
    public static IResult Unprocessable(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity);
}
