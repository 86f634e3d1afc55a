using MassTransit;

namespace Transcoding.Messaging.Postgres;

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
}
