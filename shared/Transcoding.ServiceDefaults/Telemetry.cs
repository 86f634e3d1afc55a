using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Transcoding.ServiceDefaults;

/// <summary>The activity source and meter our own code reports to.</summary>
public static class Telemetry
{
    public const string SourceName = "Transcoding";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
