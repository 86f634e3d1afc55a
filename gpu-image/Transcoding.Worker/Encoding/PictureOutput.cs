namespace Transcoding.Worker.Encoding;

/// <summary>
/// One JPEG the job's ffmpeg run writes from a branch of its video filter graph: the branch's output label, the file,
/// the JPEG quality (<c>-q:v</c>) and the branch's filters.
/// </summary>
internal sealed record PictureOutput(string Label, string Path, int Quality, string Filter);
