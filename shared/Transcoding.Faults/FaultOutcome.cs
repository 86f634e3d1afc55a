namespace Transcoding.Faults;

/// <summary>What happened to one message; <see cref="Error"/> is set when the disposition could not be carried out.</summary>
public sealed record FaultOutcome(FaultedMessage Message, FaultDisposition Disposition, string? Error)
{
    public bool Succeeded => Error is null;
}
