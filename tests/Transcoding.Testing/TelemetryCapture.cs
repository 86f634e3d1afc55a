using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Transcoding.Testing;

/// <summary>
/// What a host's OpenTelemetry providers export, captured by the in-memory exporters behind the host's own sampler,
/// instrumentations and enrichment hooks. Read it once the host has stopped: both providers are flushed when the
/// application has stopped (every request has ended, with its span and its metrics recorded).
/// </summary>
public sealed class TelemetryCapture
{
    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    /// <summary>Adds the in-memory exporters to the host's tracer and meter providers.</summary>
    public void Attach(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.AddHostedService(provider => new FlushWhenStopped(provider));
    }

    /// <summary>Fails when any exported span (name, attributes, events, links' attributes) or metric (name, tags of
    /// every point) contains one of the values.</summary>
    public void AssertNoneExported(IEnumerable<string> forbidden)
    {
        Assert.NotEmpty(Spans);
        Assert.NotEmpty(Metrics);
        var values = forbidden.Where(value => value.Length > 0).ToList();
        foreach (var (what, text) in Texts())
        {
            Assert.False(values.Any(value => text.Contains(value, StringComparison.Ordinal)), $"{what} carries a secret value.");
        }
    }

    private IEnumerable<(string What, string Text)> Texts()
    {
        foreach (var span in Spans)
        {
            var what = $"The span '{span.DisplayName}' of {span.Source.Name}";
            yield return (what, string.Join('\n',
            [
                span.DisplayName,
                span.StatusDescription,
                .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"),
                .. span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name}:{tag.Key}={tag.Value}")),
                .. span.Links.SelectMany(l => l.Tags?.Select(tag => $"{tag.Key}={tag.Value}") ?? []),
            ]));
        }

        foreach (var metric in Metrics)
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = new List<string>();
                foreach (var tag in point.Tags)
                {
                    tags.Add($"{tag.Key}={tag.Value}");
                }

                yield return ($"A point of the metric {metric.Name}", string.Join('\n', [metric.Name, .. tags]));
            }
        }
    }

    /// <summary>A periodic metric reader exports on its timer; this makes the last collection happen at a known point.</summary>
    private sealed class FlushWhenStopped(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
            {
                services.GetRequiredService<TracerProvider>().ForceFlush();
                services.GetRequiredService<MeterProvider>().ForceFlush();
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
