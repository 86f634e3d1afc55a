namespace Transcoding.LocalRunPod.Jobs;

/// <summary>
/// Wakes every long-poll waiting on it at once. Not thread-safe by itself: <see cref="JobStore"/> reads
/// <see cref="Next"/> and calls <see cref="Fire"/> under its lock, so a waiter cannot miss a pulse between looking and
/// waiting.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Fire"/>.</summary>
    public Task Next => _next.Task;

    public void Fire()
    {
        _next.TrySetResult();
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
