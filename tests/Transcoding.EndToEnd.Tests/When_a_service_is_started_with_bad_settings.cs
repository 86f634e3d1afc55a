using CliWrap;
using CliWrap.Buffered;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// Every service run as its own process with a setting its validation refuses: one line
/// <c>configuration error: &lt;the validation message&gt;</c> on stderr and exit code 3, no exception, no stack trace,
/// no secret's value (ServiceDefaults' <c>ConfigurationRefusal</c>).
/// </summary>
public sealed class When_a_service_is_started_with_bad_settings
{
    private const string Secret = "s3cret-value-of-the-key";

    /// <summary>The service's project, its settings as <c>key=value</c> pairs separated by <c>|</c> (over an in-memory bus
    /// and a loopback address), and what the refusal must say. A value the binder cannot convert and a connection
    /// string Npgsql cannot read are quoted in their libraries' messages: the refusal must not pass them on.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "Transcoding.Orchestrator", "ASPNETCORE_ENVIRONMENT=Production", "Auth: nobody could call the API" },
        { "Transcoding.Orchestrator", "ASPNETCORE_ENVIRONMENT=Production|Auth__OpenOnLoopback=true",
            "Auth:OpenOnLoopback is for development only, but ASPNETCORE_ENVIRONMENT is neither Development nor Testing" },
        { "Transcoding.Orchestrator", $"ASPNETCORE_ENVIRONMENT=Testing|Auth__OpenOnLoopback=true|Playback__SigningKey={LoopbackOrchestrator.SigningKey}|ASPNETCORE_URLS=http://0.0.0.0:0",
            "Auth:OpenOnLoopback is for development on loopback only, but the server listens on http://0.0.0.0:" },
        { "Transcoding.Dispatcher", $"RunPod__ApiKey={Secret}\nX-Injected: 1", "RunPod:ApiKey must be visible ASCII characters only" },
        { "Transcoding.Gateway", $"Webhooks__Secrets__0=whsec_{Secret}", "Webhooks:Secrets:0 must be 'whsec_' followed by base64" },
        { "Transcoding.LocalRunPod", "", "LocalRunPod" },
        { "Transcoding.Orchestrator", $"Auth__OpenOnLoopback={Secret}", "Auth:OpenOnLoopback is not a valid Boolean." },
        { "Transcoding.Orchestrator", $"Bus__Transport={Secret}", "Bus:Transport is not a valid BusTransport (one of: InMemory, RabbitMq)." },
        { "Transcoding.Orchestrator", "Bus__Transport=RabbitMq", "ConnectionStrings:Postgres is required on RabbitMQ" },
        { "Transcoding.Orchestrator", $"ConnectionStrings__Postgres=Host=db;Username=app;Password=Kx9;{Secret}=x", "ConnectionStrings:Postgres is not a connection string Npgsql can read" },
        { "Transcoding.Orchestrator", "ConnectionStrings__Postgres=Host=db;Password='unterminated", "ConnectionStrings:Postgres is not a connection string Npgsql can read" },
        { "Transcoding.Dispatcher", $"RunPod__AttemptTimeout={Secret}", "RunPod:AttemptTimeout is not a valid TimeSpan." },
        { "Transcoding.Gateway", $"Webhooks__DedupConnectionString=Host=db;Password=Kx9;{Secret}=x", "Webhooks:DedupConnectionString or ConnectionStrings:Postgres is not a connection string Npgsql can read" },
        { "Transcoding.LocalRunPod", $"LocalRunPod__Workers={Secret}", "LocalRunPod:Workers is not a valid Int32." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task It_exits_3_with_one_line_naming_the_setting(string project, string settings, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = await Cli.Wrap("dotnet").WithArguments([Repository.Dll($"services/{project}")])
            .WithEnvironmentVariables(environment =>
            {
                environment.Set("ASPNETCORE_URLS", "http://127.0.0.1:0").Set("Bus__Transport", "InMemory");
                foreach (var setting in settings.Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    environment.Set(setting[..equals], setting[(equals + 1)..]);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync(timeout.Token);

        var output = result.StandardOutput + result.StandardError;
        Assert.True(result.ExitCode == 3, $"exit code {result.ExitCode}: {output}");
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error: ", line);
        Assert.Contains(reason, line);
        Assert.DoesNotContain(Secret, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [Fact]
    public async Task The_all_in_one_without_its_arguments_prints_usage_and_exits_2()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = await Cli.Wrap("dotnet").WithArguments([Repository.Dll("services/Transcoding.AllInOne")])
            .WithValidation(CommandResultValidation.None).ExecuteBoundBufferedAsync(timeout.Token);

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}: {result.StandardError}");
        Assert.Contains("--input FILE is required", result.StandardError);
        Assert.Contains("usage: Transcoding.AllInOne", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
