namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value <paramref name="done"/> accepts; returns the last value either way.</summary>
    public static async Task<T> Poll<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await probe();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await probe();
        }
        return value;
    }
}
