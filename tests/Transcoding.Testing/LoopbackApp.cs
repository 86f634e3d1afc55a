using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Transcoding.Testing;

/// <summary>A small real Kestrel app for tests: on 127.0.0.1, on a port the system picks, without log output.</summary>
public static class LoopbackApp
{
    /// <returns>A builder; after <c>StartAsync</c> the app's single URL is <c>http://127.0.0.1:port</c>.</returns>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }
}
