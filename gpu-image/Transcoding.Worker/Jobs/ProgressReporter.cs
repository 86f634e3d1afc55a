using System.Threading.Channels;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// Takes progress from ffmpeg's output handler (synchronous, must never block) and sends it from a background
/// loop: throttled, only the newest value kept, so a slow gateway never slows the encode.
/// </summary>
public sealed class ProgressReporter
{
    private readonly Channel<double> _pending = Channel.CreateBounded<double>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly ProgressThrottle _throttle;
    private readonly Task _sending;

    public ProgressReporter(ProgressThrottle throttle, Func<double, Task> send)
    {
        _throttle = throttle;
        _sending = Task.Run(async () =>
        {
            await foreach (var percent in _pending.Reader.ReadAllAsync())
            {
                await send(percent);
            }
        });
    }

    public void Report(double percent)
    {
        if (_throttle.TryPass(percent))
        {
            _pending.Writer.TryWrite(percent);
        }
    }

    /// <summary>Stops taking values and waits for the one being sent, so no progress arrives after the final status.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return _sending;
    }
}
