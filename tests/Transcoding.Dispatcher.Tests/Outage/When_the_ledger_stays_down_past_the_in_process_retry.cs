using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;
using Transcoding.Messaging.Postgres;

namespace Transcoding.Dispatcher.Tests.Outage;

/// <summary>
/// RunPod accepted the job and the ledger refused the write through every wait of <see cref="DatabaseOutageRetry.Intervals"/>
/// (moved on a fake clock): the message faults, and its redelivery, once the database is back, records the job RunPod
/// gave instead of submitting a second one.
/// </summary>
public sealed class When_the_ledger_stays_down_past_the_in_process_retry
{
    [Fact]
    public async Task The_redelivery_records_the_kept_job_and_RunPod_gets_one_run()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        LedgerOutage ledger = null!;
        await using var runPod = await ScriptedRunPodServer.StartAsync();
        runPod.Script("run", ScriptedResponse.Job("job-kept"), ScriptedResponse.Job("job-second"));
        await using var host = await DispatcherTestHost.StartAsync(runPod.BaseUrl, services: services => services
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IDispatchLedger>(_ => ledger = new LedgerOutage(new InMemoryDispatchLedger(time, TimeSpan.FromDays(1)))));

        await host.Harness.Bus.Publish(new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/a.mp4" });
        // The clock stands still until RunPod has answered: the HTTP pipeline's timeouts run on it too.
        await Eventually.True(() => host.Logs.Lines.Any(line => line.Contains("Submitted RunPod job job-kept", StringComparison.Ordinal)), "RunPod's answer");
        await Eventually.True(() => Tick(time, () => host.Logs.Lines.Any(line => line.Contains("is not in the ledger", StringComparison.Ordinal))), "the id kept after the retries");
        Assert.Equal(DatabaseOutageRetry.Intervals.Count + 1, ledger.FailedWrites);
        ledger.Down = false;

        await Eventually.True(() => Tick(time, () => host.Harness.Published.Select<TranscodeDispatched>().Any()), "TranscodeDispatched from the redelivery");
        Assert.Equal("job-kept", host.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId);
        Assert.Single(runPod.Calls("run"));
    }

    /// <summary>Moves the clock past the longest wait, so a retry that is waiting goes on, then probes.</summary>
    private static bool Tick(FakeTimeProvider time, Func<bool> done)
    {
        time.Advance(DatabaseOutageRetry.Intervals.Max());
        return done();
    }
}
