using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Transcoding.ServiceDefaults;

namespace Transcoding.Shared.Tests.ServiceDefaults;

/// <summary>
/// What <see cref="HostingExtensions.AddServiceDefaults"/> exports: database commands as children of the message or
/// request they serve; no span for a command or HTTP call outside any operation (background polls), nor for health probes;
/// the service named after its project unless <c>OTEL_SERVICE_NAME</c> is set.
/// </summary>
public sealed class When_a_service_is_traced
{
    [Theory]
    [InlineData(null)]
    [InlineData("orchestrator-eu")]
    public void The_service_name_is_the_project_s_unless_OTEL_SERVICE_NAME_is_set(string? configured)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_SERVICE_NAME"] = configured;
        builder.AddServiceDefaults();
        using var host = builder.Build();

        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();
        Assert.Equal(configured ?? builder.Environment.ApplicationName, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    [Fact]
    public async Task Commands_under_an_operation_are_exported_and_background_polls_and_health_probes_are_not()
    {
        List<Activity> exported = [];
        ActivitySpanId operationSpan;
        await using (var app = TracedApp(exported))
        {
            app.MapDefaultEndpoints();
            await app.StartAsync();
            await using var database = NpgsqlDataSource.Create(TestServers.Postgres);
            using (var operation = Telemetry.Source.StartActivity("operation"))
            {
                operationSpan = operation!.SpanId;
                await database.CreateCommand("SELECT 1").ExecuteScalarAsync();
            }

            Assert.Null(Activity.Current);
            await database.CreateCommand("SELECT 2").ExecuteScalarAsync();
            // As a caller outside this process would: no trace context (this process's own dropped call would send one, unsampled).
            using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = new Uri(app.Urls.Single()) };
            foreach (var path in new[] { "/health/live", "/health/ready", "/not-a-route" })
            {
                await http.GetAsync(path);
            }

            // Stopping the host flushes and ends the exporter: nothing is added while the list is read below.
            await app.StopAsync();
        }

        var command = Assert.Single(exported, a => a.Source.Name == "Npgsql" && (string?)a.GetTagItem("db.query.text") == "SELECT 1");
        Assert.Equal((ActivityKind.Client, operationSpan), (command.Kind, command.ParentSpanId));
        Assert.DoesNotContain(exported, a => (string?)a.GetTagItem("db.query.text") == "SELECT 2");
        Assert.DoesNotContain(exported, a => a.Kind == ActivityKind.Client && a.ParentSpanId == default);
        var requests = exported.Where(a => a.Kind == ActivityKind.Server).Select(a => a.GetTagItem("url.path")).ToList();
        Assert.Contains("/not-a-route", requests);
        Assert.DoesNotContain(requests, path => path is string p && p.StartsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_url_with_a_credential_is_exported_redacted_from_the_client_and_the_server_span()
    {
        List<Activity> exported = [];
        const string token = "q3Yx_Zt-9wV2bQeR7uLmN4kPjH8sD1fG0aC6oI5yTxE";
        string server;
        await using (var app = TracedApp(exported))
        {
            app.MapDefaultEndpoints();
            app.MapPost("/webhooks/runpod/{mediaId}/{attempt}/{token}", () => Results.NoContent());
            await app.StartAsync();
            server = app.Urls.Single();
            using var http = new HttpClient();
            using (Telemetry.Source.StartActivity("operation"))
            {
                await http.PostAsync($"{server}/webhooks/runpod/{Guid.NewGuid()}/1/{token}?signature=abc", null);
            }

            await app.StopAsync();
        }

        // Activity listeners are process-wide: keep to the calls of this test's server.
        exported.RemoveAll(a => a.GetTagItem("server.port") is not int port || port != new Uri(server).Port);
        var client = Assert.Single(exported, a => a.Kind == ActivityKind.Client && a.Source.Name == "System.Net.Http");
        Assert.Equal($"{server}/webhooks/runpod/{{mediaId}}/{{attempt}}/{{token}}?signature=*", client.GetTagItem("url.full"));
        var request = Assert.Single(exported, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/webhooks/runpod/{mediaId}/{attempt}/{token}", request.GetTagItem("url.path"));
        Assert.DoesNotContain(exported.SelectMany(a => a.TagObjects), tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
    }

    /// <summary>A web application on the service defaults, its spans exported to <paramref name="exported"/>.</summary>
    private static WebApplication TracedApp(List<Activity> exported)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        return builder.Build();
    }
}
