using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Transcoding.Messaging.Postgres;

/// <summary>
/// Classifies database failures: the one rule every service applies to decide whether trying again later can succeed
/// (message retries of the saga and the scheduler, the 503 of the HTTP endpoints).
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// SQLSTATEs of a server that is going away or coming back (PostgreSQL appendix A, class 57 "operator intervention"):
    /// <c>57P01</c> admin_shutdown (also what an immediate shutdown reports), <c>57P02</c> crash_shutdown, <c>57P03</c>
    /// cannot_connect_now (starting up, in recovery); and of a transaction the server gave up to resolve a conflict
    /// (class 40): <c>40001</c> serialization_failure, <c>40P01</c> deadlock_detected. Npgsql 10's own flag
    /// (<see cref="DbException.IsTransient"/>) covers them too; naming them keeps the rule from resting on one provider
    /// version's list (older Npgsql left out 57P01 and 57P02, which an immediate shutdown sends).
    /// </summary>
    private static readonly HashSet<string> TransientStates = ["57P01", "57P02", "57P03", "40001", "40P01"];

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Another message changed or created the same saga instance first: replaying the message resolves it.</summary>
    public static bool IsConcurrencyConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    /// <summary>
    /// True when <paramref name="exception"/> or one it wraps (EF Core's <c>DbUpdateException</c>, MassTransit's
    /// <c>SagaException</c>, ...) is a database failure that the same work can get past later: the server unreachable,
    /// the connection refused, reset or cut (the provider flags these <see cref="DbException.IsTransient"/>), a class
    /// <c>08</c> connection exception, or one of <see cref="TransientStates"/>. A failure of the statement itself
    /// (syntax, constraint, missing table, permission) is permanent: false.
    /// </summary>
    public static bool IsTransient(Exception? exception) =>
        Database(exception) is { } database && (database.IsTransient || database.SqlState is { } state
            && (state.StartsWith("08", StringComparison.Ordinal) || TransientStates.Contains(state)));

    /// <summary>The first <see cref="DbException"/> of <paramref name="exception"/>'s chain, from the outside in; null when none.</summary>
    public static DbException? Database(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }
}
