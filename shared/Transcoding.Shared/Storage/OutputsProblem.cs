namespace Transcoding.Shared.Storage;

/// <param name="Field">The offending field, as the gateway names it in a 422 (<c>Outputs.ManifestKey</c>, <c>Outputs</c>).</param>
/// <param name="Message">What is wrong, without the key itself.</param>
public sealed record OutputsProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
