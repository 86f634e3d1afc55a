namespace Transcoding.Ops.Media;

/// <summary>An operator's request about one media item, and the status API path that takes it.</summary>
public enum MediaRequest
{
    /// <summary><c>POST /media/{id}/retry</c>: one more attempt of a failed item.</summary>
    Retry,

    /// <summary><c>POST /media/{id}/cancel</c>: stop an item in uploaded or transcoding.</summary>
    Cancel,
}
