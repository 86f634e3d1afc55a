namespace Transcoding.Ops.Media;

public sealed record MediaFailureView(string Code, string Message, bool Permanent);
