using System.Net.Sockets;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Transcoding.Messaging.Postgres.Tests.Errors;

/// <summary><see cref="DatabaseErrors.IsTransient"/>: what a PostgreSQL restart or outage throws is transient, wrapped or
/// not; a failure of the statement itself is not.</summary>
public sealed class When_a_database_error_is_classified
{
    public static TheoryData<string, Exception, bool> Cases() => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "connection reset", new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))), true },
        { "connect timeout", new NpgsqlException("Timeout", new TimeoutException()), true },
        { "57P01 admin shutdown (immediate shutdown)", Postgres("57P01"), true },
        { "57P02 crash shutdown", Postgres("57P02"), true },
        { "57P03 starting up, in recovery", Postgres("57P03"), true },
        { "08006 connection failure", Postgres("08006"), true },
        { "08001 cannot establish", Postgres("08001"), true },
        { "08P01 protocol violation", Postgres("08P01"), true },
        { "40001 serialization failure", Postgres("40001"), true },
        { "40P01 deadlock", Postgres("40P01"), true },
        { "53300 too many connections", Postgres("53300"), true },
        { "in EF Core's DbUpdateException", new DbUpdateException("save", Postgres("57P01")), true },
        { "in MassTransit's SagaException", new SagaException("saga", typeof(object), Guid.Empty, new DbUpdateException("save", Postgres("57P03"))), true },
        { "42P01 undefined table", Postgres("42P01"), false },
        { "42601 syntax error", Postgres("42601"), false },
        { "23505 unique violation", new DbUpdateException("save", Postgres("23505")), false },
        { "28P01 wrong password", Postgres("28P01"), false },
        { "not a database error", new InvalidOperationException("bug"), false },
        { "a socket error outside the database", new HttpRequestException("down", new SocketException((int)SocketError.ConnectionRefused)), false },
        { "optimistic concurrency", new DbUpdateConcurrencyException("xmin"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void It_is_transient_only_when_the_same_work_can_succeed_later(string failure, Exception exception, bool transient) =>
        Assert.True(DatabaseErrors.IsTransient(exception) == transient, $"{failure}: expected transient = {transient}");

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
