namespace Transcoding.Contracts;

/// <summary>The last attempt's failure in <see cref="MediaStatus"/>: the <see cref="TranscodeFailed"/> code, message and whether it is permanent.</summary>
public sealed record MediaFailure(string Code, string Message, bool Permanent);
