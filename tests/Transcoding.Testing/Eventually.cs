using Xunit;

namespace Transcoding.Testing;

/// <summary>
/// The one way tests wait for something asynchronous: poll a probe until its value satisfies the condition that
/// matters, and on timeout fail with what was awaited and the value last seen. A test never waits a fixed time for
/// something not to happen; it waits for a later event that must follow it (a marker), or controls time itself.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// Long enough for a two-core machine running other builds beside a CPU burner (30 s was seen to run out while a
    /// worker process and the ops CLI were merely slow); a passing test returns as soon as the condition holds.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> accepts its value, and returns that value.</summary>
    /// <param name="what">What is awaited, in words, for the failure message.</param>
    /// <param name="describe">How the last value reads in the failure message; <c>ToString()</c> when omitted.</param>
    /// <exception cref="Xunit.Sdk.FailException">The timeout passed first; the message names <paramref name="what"/>
    /// and the last value (or the last exception the probe threw).</exception>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what,
        TimeSpan? timeout = null, Func<T, string>? describe = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            string lastSeen;
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }

                lastSeen = describe is null ? value?.ToString() ?? "null" : describe(value);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.IAssertionException)
            {
                // A probe may fail while the thing it reads is starting up; that is what was last seen.
                lastSeen = $"{exception.GetType().Name}: {exception.Message}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Not reached within {limit.TotalSeconds:0.#} s: {what}. Last seen: {lastSeen}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="Until{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?, Func{T, string}?)"/>
    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> done, string what,
        TimeSpan? timeout = null, Func<T, string>? describe = null) =>
        Until(() => Task.FromResult(probe()), done, what, timeout, describe);

    /// <summary>Polls until <paramref name="condition"/> holds.</summary>
    /// <exception cref="Xunit.Sdk.FailException">The timeout passed first.</exception>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, held => held, what, timeout);

    /// <inheritdoc cref="True(Func{Task{bool}}, string, TimeSpan?)"/>
    public static Task True(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, held => held, what, timeout);
}
