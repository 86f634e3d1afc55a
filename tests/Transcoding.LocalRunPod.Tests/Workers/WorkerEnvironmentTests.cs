using System.Collections;
using Transcoding.LocalRunPod.Workers;

namespace Transcoding.LocalRunPod.Tests.Workers;

public sealed class WorkerEnvironmentTests
{
    [Theory]
    [InlineData("PATH", true)]
    [InlineData("HOME", true)]
    [InlineData("SSL_CERT_FILE", true)]
    [InlineData("DOTNET_ROOT", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", true)]
    [InlineData("RunPod__ApiKey", false)]
    [InlineData("LocalRunPod__ApiKey", false)]
    [InlineData("Webhooks__Secrets__0", false)]
    [InlineData("ConnectionStrings__DispatchLedger", false)]
    [InlineData("path", false)]
    public void When_a_worker_starts_it_inherits_only_what_a_program_needs_from_the_host(string name, bool inherited)
    {
        var environment = WorkerEnvironment.Build(new Hashtable { [name] = "value" }, new Dictionary<string, string>(), new Dictionary<string, string>());

        Assert.Equal(inherited, environment.ContainsKey(name));
    }

    [Fact]
    public void When_configuration_sets_a_variable_it_wins_over_the_host_but_not_over_the_protocol_variables()
    {
        var environment = WorkerEnvironment.Build(
            new Hashtable { ["PATH"] = "/host/bin" },
            new Dictionary<string, string> { ["PATH"] = "/worker/bin", ["RUNPOD_POD_ID"] = "forged", ["Storage__LocalRoot"] = "/bucket" },
            new Dictionary<string, string> { ["RUNPOD_POD_ID"] = "local-worker-1-1" });

        Assert.Equal("/worker/bin", environment["PATH"]);
        Assert.Equal("local-worker-1-1", environment["RUNPOD_POD_ID"]);
        Assert.Equal("/bucket", environment["Storage__LocalRoot"]);
    }
}
