namespace Transcoding.Worker.Jobs;

/// <summary>Lets a progress value through only when it moved forward and enough time passed since the last one.</summary>
public sealed class ProgressThrottle(TimeProvider time, TimeSpan interval)
{
    private double _last = double.NegativeInfinity;
    private long? _lastTimestamp;

    public bool TryPass(double percent)
    {
        var now = time.GetTimestamp();
        if (percent <= _last || (_lastTimestamp is { } last && time.GetElapsedTime(last, now) < interval))
        {
            return false;
        }

        _last = percent;
        _lastTimestamp = now;
        return true;
    }
}
