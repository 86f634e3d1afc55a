using MassTransit.Testing;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Consumers;

/// <summary>The dispatcher as deployed: <c>ConnectionStrings:DispatchLedger</c> set, the table created at start-up.</summary>
public sealed class PostgresLedgerDispatchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task When_the_ledger_is_in_PostgreSQL_a_redelivered_command_still_submits_one_job_and_the_row_records_it()
    {
        await using var runPod = await ScriptedRunPodServer.StartAsync();
        runPod.Script("run", ScriptedResponse.Job("job-pg"), ScriptedResponse.Job("job-pg-duplicate"));
        await using var host = await DispatcherTestHost.StartAsync(runPod.BaseUrl, overrides: new Dictionary<string, string?>
        {
            ["ConnectionStrings:DispatchLedger"] = database.ConnectionString,
        });
        var command = new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/a.mp4" };

        for (var delivery = 1; delivery <= 2; delivery++)
        {
            await host.Harness.Bus.Publish(command);
            var expected = delivery;
            await Eventually.True(() => host.Harness.Published.Select<TranscodeDispatched>().Count() == expected, $"{expected} TranscodeDispatched");
        }

        Assert.Single(runPod.Calls("run"));
        Assert.All(host.Harness.Published.Select<TranscodeDispatched>(), message => Assert.Equal("job-pg", message.Context.Message.JobId));
        Assert.Equal("job-pg", await database.ScalarAsync<string>($"SELECT job_id FROM dispatch_ledger WHERE media_id = '{command.MediaId}' AND attempt = 1"));
    }
}
