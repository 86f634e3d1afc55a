namespace Transcoding.Chaos;

/// <param name="Good">A real clip that must end ready; otherwise a file that is not media and must fail permanently.</param>
/// <param name="UploadedAt">Offset from the start of the uploads at which MediaUploaded was published.</param>
public sealed record UploadedItem(Guid MediaId, bool Good, TimeSpan UploadedAt);
