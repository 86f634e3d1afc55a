using System.Globalization;

namespace Transcoding.LocalRunPod.Faults;

/// <summary>
/// The run-time fault of the public API (issue 15: "the local RunPod endpoint answering 429 and 500 for a while"): none
/// at start-up, one at a time, set and cleared through <c>/admin/faults</c>, gone by itself at its end. Which requests
/// fail is deterministic, so a seeded chaos run repeats: a credit grows by the share on every request and each time it
/// reaches 1 the request fails, so n requests see exactly ⌊n·share⌋ faults, spread evenly.
/// </summary>
public sealed class FaultInjector(TimeProvider time, ILogger<FaultInjector> logger)
{
    public static readonly int[] Statuses = [StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError];

    /// <summary>A fault lasts at most a day: a chaos run is minutes, and a forgotten fault must not outlive the day.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _byStatus = [];
    private readonly Dictionary<string, long> _byRoute = [];
    private InjectedFault? _fault;
    private double _credit;
    private long _faulted;

    /// <summary>Puts <paramref name="request"/> in force in place of any fault; the reason it cannot when it is not valid.</summary>
    public (InjectedFault? Fault, string? Problem) Set(FaultRequest request)
    {
        var now = time.GetUtcNow();
        if (Problem(request, now) is { } problem)
        {
            return (null, problem);
        }

        var until = request.Until ?? now + TimeSpan.FromSeconds(request.DurationSeconds!.Value);
        var fault = new InjectedFault(request.Status!.Value, request.Share!.Value, until, request.RetryAfterSeconds ?? 1);
        lock (_lock)
        {
            _fault = fault;
            _credit = 0;
        }

        Log.FaultSet(logger, fault.Status, fault.Share, fault.Until);
        return (fault, null);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _fault = null;
        }

        Log.FaultCleared(logger);
    }

    public FaultReport Report()
    {
        lock (_lock)
        {
            return new FaultReport(InForce(), _faulted, new Dictionary<string, long>(_byStatus), new Dictionary<string, long>(_byRoute));
        }
    }

    /// <summary>The fault this request of <paramref name="route"/> must answer, counted; null when it goes through.</summary>
    public InjectedFault? Next(string route)
    {
        lock (_lock)
        {
            if (InForce() is not { } fault)
            {
                return null;
            }

            _credit += fault.Share;
            if (_credit < 1)
            {
                return null;
            }

            _credit -= 1;
            _faulted++;
            var status = fault.Status.ToString(CultureInfo.InvariantCulture);
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
            _byRoute[route] = _byRoute.GetValueOrDefault(route) + 1;
            return fault;
        }
    }

    /// <summary>The fault unless it has ended; an ended one is dropped. Under the lock.</summary>
    private InjectedFault? InForce()
    {
        if (_fault is { } fault && time.GetUtcNow() >= fault.Until)
        {
            _fault = null;
            Log.FaultEnded(logger, fault.Status);
        }

        return _fault;
    }

    private static string? Problem(FaultRequest request, DateTimeOffset now)
    {
        if (request.Status is not { } status || !Statuses.Contains(status))
        {
            return "status must be 429 or 500";
        }

        if (request.Share is not (>= 0 and <= 1))
        {
            return "share must be a number from 0 to 1";
        }

        if ((request.DurationSeconds is null) == (request.Until is null))
        {
            return "give exactly one of durationSeconds and until";
        }

        if (request.DurationSeconds is { } seconds && !(seconds > 0 && seconds <= MaxDuration.TotalSeconds))
        {
            return "durationSeconds must be above 0 and at most 86400";
        }

        if (request.Until is { } until && (until <= now || until - now > MaxDuration))
        {
            return "until must be in the future, at most a day ahead";
        }

        return request.RetryAfterSeconds is < 0 ? "retryAfterSeconds must not be negative" : null;
    }
}
