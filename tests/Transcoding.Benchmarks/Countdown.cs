namespace Transcoding.Benchmarks;

/// <summary>Completes when <see cref="Signal"/> has been called the expected number of times.</summary>
public sealed class Countdown(int expected)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Done => _done.Task;

    public void Signal()
    {
        if (Interlocked.Increment(ref _count) == expected)
        {
            _done.TrySetResult();
        }
    }
}
