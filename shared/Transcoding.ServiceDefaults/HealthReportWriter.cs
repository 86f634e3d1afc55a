using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// The body of <c>/health/live</c> and <c>/health/ready</c>: the overall status as ASP.NET Core's default writer puts it
/// (<c>Healthy</c>, <c>Unhealthy</c>), then a line <c>name: description</c> for each failing check tagged
/// <see cref="HostingExtensions.ShowsReasonTag"/>. Other checks' descriptions may carry connection details and stay out.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status != HealthStatus.Healthy && entry.Tags.Contains(HostingExtensions.ShowsReasonTag) && !string.IsNullOrEmpty(entry.Description))
            {
                text.Append('\n').Append(name).Append(": ").Append(entry.Description);
            }
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
