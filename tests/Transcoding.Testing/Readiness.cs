namespace Transcoding.Testing;

/// <summary>
/// Waits for a service's <c>/health/ready</c>, as a deployment waits before sending it traffic. A started host is not yet
/// ready: its bus may still be binding queues, and a message published before that is dropped by the broker.
/// </summary>
public static class Readiness
{
    /// <returns>False when <paramref name="timeout"/> passed first.</returns>
    /// <param name="stillAlive">Called before each try; throws when the service cannot become ready any more.</param>
    public static async Task<bool> WaitAsync(string baseUrl, TimeSpan timeout, Action? stillAlive = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            stillAlive?.Invoke();
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer in time.
            }

            await Task.Delay(100);
        }

        return false;
    }
}
