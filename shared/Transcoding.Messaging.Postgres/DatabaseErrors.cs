using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Transcoding.Messaging.Postgres;

/// <summary>Classifies the database failures a message retry resolves.</summary>
public static class DatabaseErrors
{
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Another message changed or created the same saga instance first: replaying the message resolves it.</summary>
    public static bool IsConcurrencyConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);
}
