using Transcoding.Contracts;

namespace Transcoding.Ops.Media;

/// <summary>A media item's status: parsed for tables, and the API's JSON as it came for <c>--json</c>.</summary>
public sealed record MediaStatusAnswer(MediaStatus Status, string Json);
