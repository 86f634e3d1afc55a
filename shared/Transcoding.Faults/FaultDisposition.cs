namespace Transcoding.Faults;

/// <summary>What to do with one message of an error queue.</summary>
public enum FaultDisposition
{
    /// <summary>Leave it where it is, in its place (it is requeued, never re-published).</summary>
    Keep,

    /// <summary>Publish it back to the queue it faulted on, then remove it from the error queue.</summary>
    Replay,

    /// <summary>Remove it from the error queue.</summary>
    Delete,
}
