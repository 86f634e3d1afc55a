namespace Transcoding.Worker.Encoding;

/// <summary>
/// One JPEG the job's ffmpeg run writes from two branches of its video filter graph, concatenated: the branch's output
/// label, the file, the JPEG quality (<c>-q:v</c>), the placeholder branch's filters and the picture branch's filters.
/// </summary>
internal sealed record PictureOutput(string Label, string Path, int Quality, string Placeholder, string Picture);
