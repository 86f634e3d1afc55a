using MassTransit;

namespace Transcoding.Messaging.Postgres;

/// <summary>Rides out a database outage (<see cref="DatabaseErrors.IsTransient"/>) on one schedule, <see cref="Intervals"/>:
/// as a message retry (<see cref="UseDatabaseOutageRetry"/>) or around one write in process (<see cref="ExecuteAsync{T}"/>).</summary>
public static class DatabaseOutageRetry
{
    /// <summary>
    /// Waits between attempts: 1, 2, 4, 8, 15, 15, 15 s, 60 s in all. A PostgreSQL restart (immediate shutdown, WAL
    /// recovery, start) takes 15-30 s; twice that leaves room for a slow recovery. In memory, not scheduled: the
    /// scheduler itself lives in the database that is down, and an unacknowledged minute is far inside RabbitMQ's consumer
    /// timeout (30 min).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> Intervals = [.. new[] { 1, 2, 4, 8, 15, 15, 15 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    /// <summary>
    /// A message whose handling met a transient database failure (<see cref="DatabaseErrors.IsTransient"/>) is tried again
    /// after each of <see cref="Intervals"/>, each attempt in a new scope (new DbContext, connection and transaction);
    /// only then does it go to the endpoint's <c>_error</c> queue. Other exceptions pass through untouched.
    /// </summary>
    public static void UseDatabaseOutageRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DatabaseErrors.IsTransient);
            retry.Intervals([.. Intervals]);
        });

    /// <summary>
    /// Runs <paramref name="operation"/>, and again after each of <see cref="Intervals"/> (waited on <paramref name="time"/>)
    /// while it throws a transient database failure (<see cref="DatabaseErrors.IsTransient"/>); <paramref name="retrying"/>
    /// hears each such failure and the wait before the next try. For a write whose cause cannot be repeated, such as
    /// recording the id of a job an external service has already accepted: the message retry would start over from the
    /// side effect. Throws the last failure once the intervals are spent, any other exception at once, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled during a wait.
    /// </summary>
    public static async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> operation,
        TimeProvider time,
        Action<Exception, TimeSpan>? retrying,
        CancellationToken cancellationToken)
    {
        for (var tried = 0; ; tried++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (Exception exception) when (tried < Intervals.Count && DatabaseErrors.IsTransient(exception))
            {
                retrying?.Invoke(exception, Intervals[tried]);
                await Task.Delay(Intervals[tried], time, cancellationToken);
            }
        }
    }
}
