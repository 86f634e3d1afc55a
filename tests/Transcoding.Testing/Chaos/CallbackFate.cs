namespace Transcoding.Testing.Chaos;

/// <summary>What <see cref="CallbackProxy"/> did with one request.</summary>
public enum CallbackFate
{
    /// <summary>Sent on at once, once.</summary>
    Forwarded,

    /// <summary>Never sent on; the caller got a 502.</summary>
    Dropped,

    /// <summary>Sent on as several identical copies at once.</summary>
    Duplicated,

    /// <summary>Held, then sent on once; requests that came later may reach the gateway first.</summary>
    Delayed,
}
