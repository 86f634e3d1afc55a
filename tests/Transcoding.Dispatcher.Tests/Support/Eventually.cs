namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>
/// Waits for a condition. The harness's own <c>Any</c> stops waiting for good once the bus has been idle, so tests that
/// deliver several messages in turn poll instead.
/// </summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
