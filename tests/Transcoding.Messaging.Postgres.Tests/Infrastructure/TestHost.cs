using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoding.Messaging.Postgres.Migrations;
using Transcoding.Messaging.Postgres.Sagas;
using Transcoding.Messaging.Postgres.Scheduling;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

/// <summary>
/// One service instance on real RabbitMQ and PostgreSQL: the counter saga on the Postgres repository, the test observer,
/// and optionally the scheduler. Queue names carry the test's prefix so parallel tests do not share queues; two hosts of
/// one test share them (competing consumers), as two replicas would. The observer consumes one message at a time, so a
/// test with one host can rely on it recording messages in queue order.
/// </summary>
sealed class TestHost(IHost host, string prefix) : IAsyncDisposable
{
    public static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    public IServiceProvider Services => host.Services;

    public string SchedulerQueue => $"{prefix}-scheduler";

    /// <param name="time">The scheduler's clock; the system clock when omitted.</param>
    public static async Task<TestHost> Start<TMachine>(PostgresDatabase database, string prefix, Observed observed, bool withScheduler = false,
        TimeProvider? time = null, string? rabbitMqUri = null)
        where TMachine : CounterStateMachine
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Warning)
            // EF logs as errors what these tests provoke on purpose: the first migration's "no history table yet" query,
            // and the duplicate keys and lost updates that message retry resolves.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
            .AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None)
            .AddFilter("Transcoding", LogLevel.Debug);
        builder.Services.AddDbContext<TestDbContext>(options => options.UseNpgsql(database.ConnectionString));
        builder.Services.MigrateDatabaseOnStartup<TestDbContext>();
        builder.Services.AddSingleton(observed);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddSagaStateMachine<TMachine, CounterSaga, PostgresSagaDefinition<CounterSaga>>()
                .Endpoint(e => e.Name = $"{prefix}-counter")
                .PostgresRepository<CounterSaga, TestDbContext>();
            bus.AddConsumer<ObserverConsumer>().Endpoint(e =>
            {
                e.Name = $"{prefix}-observer";
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
            });
            if (withScheduler)
            {
                bus.AddPostgresMessageScheduler<TestDbContext>(options =>
                {
                    options.QueueName = $"{prefix}-scheduler";
                    options.PollingInterval = PollingInterval;
                    options.SendTimeout = SendTimeout;
                });
            }
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbitMqUri ?? TestServers.RabbitMqUri));
                cfg.ConnectConsumeObserver(observed);
                cfg.ConfigureEndpoints(context);
            });
        });

        var host = builder.Build();
        await host.StartAsync();
        return new TestHost(host, prefix);
    }

    public static Task<TestHost> Start(PostgresDatabase database, string prefix, Observed observed, bool withScheduler = false,
        TimeProvider? time = null, string? rabbitMqUri = null) =>
        Start<CounterStateMachine>(database, prefix, observed, withScheduler, time, rabbitMqUri);

    public static string NewPrefix() => $"t{Guid.NewGuid():N}"[..13];

    public Uri Queue(string name) => new($"queue:{prefix}-{name}");

    public async Task Send<T>(string queue, T message)
        where T : class
    {
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(Queue(queue));
        await endpoint.Send(message);
    }

    public async Task<T> Query<T>(Func<TestDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
