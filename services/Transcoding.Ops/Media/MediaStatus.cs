namespace Transcoding.Ops.Media;

/// <summary>A media item's status: parsed for tables, and the API's JSON as it came for <c>--json</c>.</summary>
public sealed record MediaStatus(MediaStatusView View, string Json);
