using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Orchestrator;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Testing;

namespace Transcoding.Benchmarks;

/// <summary>
/// Items/s from <c>MediaUploaded</c> to <c>DispatchTranscode</c> through the orchestrator as deployed (saga and scheduler
/// on PostgreSQL, RabbitMQ), against a bare consumer of the same messages on the same broker and bus settings.
/// </summary>
public static class SagaThroughputBenchmark
{
    private const int Items = 1500;
    private const int Repetitions = 3;

    public static async Task RunAsync(Rows rows)
    {
        var saga = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            bare.Add(await MeasureAsync(withSaga: false));
            saga.Add(await MeasureAsync(withSaga: true));
        }

        var (ours, baseline) = (Stats.Median(saga), Stats.Median(bare));
        rows.Add("saga-throughput-ratio", ours / baseline,
            $"{ours:0} items/s vs {baseline:0} msg/s; {Items} items, prefetch {new BusOptions().PrefetchCount}, one instance each, median of {Repetitions}");
    }

    /// <returns>Messages per second from the first publish to the last counted delivery.</returns>
    private static async Task<double> MeasureAsync(bool withSaga)
    {
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        await using var database = await PostgresDatabase.CreateAsync();
        var countdown = new Countdown(Items);
        var hosts = new List<Microsoft.AspNetCore.Builder.WebApplication>();
        try
        {
            if (withSaga)
            {
                hosts.Add(await BenchHost.StartAsync(
                    new Dictionary<string, string?>(BenchHost.Bus(vhost.AmqpUri).Concat(LoopbackOrchestrator.Settings)) { ["ConnectionStrings:Postgres"] = database.ConnectionString },
                    b => b.AddOrchestrator()));
            }

            // The end of the measured path: the dispatcher's command, or the upload itself for the bare consumer.
            hosts.Add(await BenchHost.StartAsync(BenchHost.Bus(vhost.AmqpUri), b =>
            {
                b.Services.AddSingleton(countdown);
                b.AddTranscodingBus(bus =>
                {
                    if (withSaga)
                    {
                        bus.AddConsumer<CountingConsumer<DispatchTranscode>>();
                    }
                    else
                    {
                        bus.AddConsumer<CountingConsumer<MediaUploaded>>();
                    }
                });
            }));

            var publish = hosts[^1].Services.GetRequiredService<IBus>();
            var uploads = Enumerable.Range(0, Items).Select(i => new MediaUploaded
            {
                MediaId = Guid.NewGuid(),
                SourceKey = $"uploads/bench/{i}.mp4",
                ContentType = "video/mp4",
                SizeBytes = 1_000_000,
                UploadedAt = DateTimeOffset.UtcNow,
            }).ToList();
            var seconds = await Stats.SecondsAsync(async () =>
            {
                await Task.WhenAll(uploads.Select(u => publish.Publish(u)));
                await countdown.Done.WaitAsync(TimeSpan.FromMinutes(5));
            });
            return Items / seconds;
        }
        finally
        {
            foreach (var host in Enumerable.Reverse(hosts))
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }
}
