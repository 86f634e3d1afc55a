namespace Transcoding.Worker.Publishing;

/// <summary>
/// How one output file is stored. <see cref="Phase"/> orders uploads so that nothing refers to an object not yet
/// there: segments and side files, then rendition playlists, then the master playlist, then manifest.json.
/// </summary>
public sealed record OutputObject(string ContentType, string CacheControl, int Phase);
