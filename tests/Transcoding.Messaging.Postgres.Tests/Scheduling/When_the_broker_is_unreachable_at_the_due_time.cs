using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Scheduling;

/// <summary>
/// The broker unreachable when a row falls due: the send must fail within the dispatcher's send timeout, the row stay
/// with its failure counted, and its lock be released, so that another instance can claim it and a saga step can
/// unschedule it (found by a newcomer: the send waited for the connection, the claim transaction stayed open).
/// </summary>
public sealed class When_the_broker_is_unreachable_at_the_due_time
{
    [Fact]
    public async Task The_due_row_is_not_held_locked_by_a_send_that_cannot_complete()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var proxy = new TcpProxy(new Uri(TestServers.RabbitMqUri));
        var uri = new UriBuilder(TestServers.RabbitMqUri) { Port = proxy.Port }.Uri.ToString();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true, rabbitMqUri: uri);
        var ping = new Ping(Guid.NewGuid(), "due while the broker is away");
        await When_a_message_is_scheduled.Schedule(host, DateTime.UtcNow + TimeSpan.FromSeconds(3), ping);
        // Scheduling goes through the scheduler queue: wait for the row before the broker goes away.
        await Eventually.Until(() => host.Query(db => db.ScheduledMessages.CountAsync()), x => x == 1, "the row stored");

        proxy.Cut();

        // What another instance's dispatcher would do, again until it is true: claim the row, skipping locked ones,
        // once a failed send has been recorded on it.
        var (stored, claimable, failedSends) = await Eventually.Until(
            () => Claim(database),
            x => x.Claimable == 1 && x.FailedSends >= 1,
            "a failed send recorded and the row free for another instance",
            describe: x => $"{x.Stored} row(s), {x.Claimable} claimable, {x.FailedSends} failed send(s)");

        Assert.Equal(1, stored);
    }

    static async Task<(long Stored, long Claimable, int FailedSends)> Claim(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var claim = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM scheduled_messages FOR UPDATE SKIP LOCKED) claimed", connection, transaction);
        var claimable = (long)(await claim.ExecuteScalarAsync())!;
        await using var rows = new NpgsqlCommand("SELECT count(*), coalesce(max(attempts), -1) FROM scheduled_messages", connection, transaction);
        await using var reader = await rows.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (stored, failed) = (reader.GetInt64(0), reader.GetInt32(1));
        await reader.CloseAsync();
        await transaction.RollbackAsync();
        return (stored, claimable, failed);
    }

    /// <summary>Forwards TCP to RabbitMQ until <see cref="Cut"/>, which closes every forwarded connection and refuses new ones.</summary>
    sealed class TcpProxy : IDisposable
    {
        readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        readonly List<TcpClient> _clients = [];
        readonly Uri _target;
        volatile bool _cut;

        public TcpProxy(Uri target)
        {
            _target = target;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Cut()
        {
            _cut = true;
            _listener.Stop();
            lock (_clients)
            {
                foreach (var client in _clients)
                {
                    client.Dispose();
                }
            }
        }

        public void Dispose() => Cut();

        async Task AcceptAsync()
        {
            while (!_cut)
            {
                TcpClient inbound;
                try
                {
                    inbound = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception) when (_cut)
                {
                    return;
                }

                var outbound = new TcpClient();
                await outbound.ConnectAsync(_target.Host, _target.Port);
                lock (_clients)
                {
                    _clients.Add(inbound);
                    _clients.Add(outbound);
                }

                _ = Pump(inbound, outbound);
                _ = Pump(outbound, inbound);
            }
        }

        static async Task Pump(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception)
            {
            }
            finally
            {
                from.Dispose();
                to.Dispose();
            }
        }
    }
}
