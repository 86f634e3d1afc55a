using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Sagas;

public sealed class When_a_saga_lives_on_postgres
{
    [Fact]
    public async Task It_is_created_loaded_updated_and_deleted_when_finalized()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), new Observed());
        var id = Guid.NewGuid();

        await host.Send("counter", new StartCounter(id));
        var created = (await Eventually.Until(() => Find(host, id), x => x is not null, "the saga row created", describe: Describe))!;
        Assert.Equal("Active", created.CurrentState);
        Assert.NotEqual(0u, created.Version);

        for (var i = 0; i < 3; i++)
        {
            await host.Send("counter", new IncrementCounter(id));
        }

        var updated = (await Eventually.Until(() => Find(host, id), x => x?.Count == 3, "three increments saved", describe: Describe))!;
        Assert.NotEqual(created.Version, updated.Version);

        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = $"media/{id}/hls/master.m3u8",
            Renditions = [new Rendition { Name = "360p", Width = 640, Height = 360, VideoBitrateKbps = 800, AudioBitrateKbps = 96, PlaylistKey = "p" }],
            DurationSeconds = 3.5,
            Waveform = new WaveformOutput { JsonKey = "w.json", DatKey = "w.dat", SampleRate = 48000, SamplesPerPixel = 256 },
            Encoder = "libx264",
        };
        await host.Send("counter", new CompleteCounter(id, outputs));
        var completed = (await Eventually.Until(() => Find(host, id), x => x?.Outputs is not null, "the outputs saved", describe: Describe))!;
        Assert.Equal(outputs.Renditions.Single(), completed.Outputs!.Renditions.Single());
        Assert.Equal(outputs with { Renditions = completed.Outputs.Renditions }, completed.Outputs);
        Assert.Equal("object", await database.ScalarAsync<string>($"SELECT jsonb_typeof(\"Outputs\") FROM counter_sagas WHERE \"CorrelationId\" = '{id}'"));

        var loaded = await host.Services.GetRequiredService<ILoadSagaRepository<CounterSaga>>().Load(id);
        Assert.Equal(3, loaded?.Count);
        var active = await host.Services.GetRequiredService<IQuerySagaRepository<CounterSaga>>()
            .Find(new SagaQuery<CounterSaga>(x => x.CurrentState == "Active"));
        Assert.Equal([id], active);

        await host.Send("counter", new FinishCounter(id));
        await Eventually.True(async () => !await host.Query(db => db.Counters.AnyAsync(x => x.CorrelationId == id)), "the finalized saga's row deleted");
    }

    static string Describe(CounterSaga? saga) =>
        saga is null ? "no row" : $"state {saga.CurrentState}, count {saga.Count}, outputs {(saga.Outputs is null ? "none" : "set")}";

    static Task<CounterSaga?> Find(TestHost host, Guid id) =>
        host.Query(db => db.Counters.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id));
}
