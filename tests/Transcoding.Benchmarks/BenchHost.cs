using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Transcoding.Testing;

namespace Transcoding.Benchmarks;

/// <summary>A service host on loopback (port 0) whose bus has bound its queues before it is used.</summary>
public static class BenchHost
{
    public static async Task<WebApplication> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder> add, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = LoopbackOrchestrator.EnvironmentName });
        builder.Configuration.AddInMemoryCollection(settings.Append(new("urls", "http://127.0.0.1:0")));
        builder.Logging.ClearProviders();
        add(builder);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var app = builder.Build();
        map?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    public static Dictionary<string, string?> Bus(string amqpUri) => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMqUri"] = amqpUri,
    };
}
