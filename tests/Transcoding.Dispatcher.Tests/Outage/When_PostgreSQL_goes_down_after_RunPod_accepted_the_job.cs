using MassTransit.Testing;
using Npgsql;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Tests.Support;
using Transcoding.Testing.Chaos;

namespace Transcoding.Dispatcher.Tests.Outage;

/// <summary>
/// The dispatcher on a server set of its own: PostgreSQL crashes (immediate shutdown) while RunPod holds the
/// <c>/run</c> request it then accepts, so the ledger write of the job id meets the outage; it restarts seconds later.
/// The job id exists only in the consumer until it is recorded, so losing it would submit the attempt again.
/// </summary>
public sealed class When_PostgreSQL_goes_down_after_RunPod_accepted_the_job(TestInfraSet servers) : IClassFixture<TestInfraSet>
{
    [Fact]
    public async Task The_job_is_recorded_after_the_restart_and_RunPod_gets_one_run()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runPod = await ScriptedRunPodServer.StartAsync();
        runPod.Script("run", ScriptedResponse.Job("job-once") with { Release = answer.Task }, ScriptedResponse.Job("job-twice"));
        var ledger = servers.Environment["TEST_POSTGRES"];
        await using var host = await DispatcherTestHost.StartAsync(runPod.BaseUrl, overrides: new Dictionary<string, string?>
        {
            ["ConnectionStrings:DispatchLedger"] = ledger,
            // The held /run must not time out into a second one while the server is being stopped.
            ["RunPod:AttemptTimeout"] = "00:02:00",
            ["RunPod:TotalTimeout"] = "00:04:00",
        });
        var command = new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/a.mp4" };

        await host.Harness.Bus.Publish(command);
        // Claimed in the ledger, /run in flight: the database goes down before RunPod answers.
        await Eventually.True(() => runPod.Calls("run").Count == 1, "the /run request");
        await servers.StopPostgresAsync();
        answer.SetResult();
        await Eventually.True(() => host.Logs.Lines.Any(line => line.Contains("Cannot record RunPod job job-once", StringComparison.Ordinal)), "the ledger write failing");
        await servers.StartPostgresAsync();

        await Eventually.True(() => host.Harness.Published.Select<TranscodeDispatched>().Any(), "TranscodeDispatched after the restart");
        Assert.Equal("job-once", host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
        Assert.Single(runPod.Calls("run"));
        Assert.Equal("job-once", await JobIdInLedger(ledger, command));
    }

    private static async Task<string?> JobIdInLedger(string connectionString, DispatchTranscode command)
    {
        // Unpooled: the pool of this connection string still holds connections the crash cut.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT job_id FROM dispatch_ledger WHERE media_id = @media AND attempt = @attempt", connection);
        query.Parameters.AddWithValue("media", command.MediaId);
        query.Parameters.AddWithValue("attempt", command.Attempt);
        return (string?)await query.ExecuteScalarAsync();
    }
}
