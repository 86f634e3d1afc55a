namespace Transcoding.Chaos;

/// <summary>A service process under supervision: whatever process currently runs it, replaced when restarted.</summary>
public sealed class ServiceSlot(string name, ServiceProcess process) : IAsyncDisposable
{
    /// <summary>A supervisor's restart policy (Kubernetes, systemd): a process that exits during start-up, e.g. because
    /// the database it migrates is down at that moment, is started again after a pause, this many times at most.</summary>
    private const int StartAttempts = 10;

    private static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(3);

    private readonly List<string> _exits = [];

    public string Name { get; } = name;

    public ServiceProcess Current { get; private set; } = process;

    /// <summary>Start-ups that ended with the process exiting (each followed by another start).</summary>
    public int FailedStarts { get; private set; }

    /// <summary>Each process of this slot that ended by itself after it was ready (not by a fault's SIGKILL), the
    /// current one included: a crash a later restart would otherwise hide.</summary>
    public IReadOnlyList<string> ExitsByItself => Current.ExitedByItself is { } current ? [.. _exits, current] : _exits;

    /// <summary>Starts the service again on the same URL (after it was killed) and waits until it is ready.</summary>
    /// <exception cref="ServiceExitedException">It exited during start-up <see cref="StartAttempts"/> times.</exception>
    public async Task RestartAsync()
    {
        if (Current.ExitedByItself is { } exit)
        {
            _exits.Add(exit);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Current = await Current.StartAgainAsync();
                return;
            }
            catch (ServiceExitedException) when (attempt < StartAttempts)
            {
                FailedStarts++;
                await Task.Delay(RestartPause);
            }
        }
    }

    public ValueTask DisposeAsync() => Current.DisposeAsync();
}
