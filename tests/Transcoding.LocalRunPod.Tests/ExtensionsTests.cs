using Microsoft.Extensions.Configuration;

namespace Transcoding.LocalRunPod.Tests;

public sealed class ExtensionsTests
{
    [Fact]
    public void When_worker_environment_is_configured_nested_keys_become_double_underscore_variables()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalRunPod:WorkerEnvironment:Storage:LocalRoot"] = "/srv/bucket",
            ["LocalRunPod:WorkerEnvironment:Worker:CallbackSecret"] = "whsec_x",
            ["LocalRunPod:WorkerEnvironment:PLAIN"] = "1",
        }).Build();

        var environment = Extensions.FlattenWorkerEnvironment(configuration);

        Assert.Equal(3, environment.Count);
        Assert.Equal("/srv/bucket", environment["Storage__LocalRoot"]);
        Assert.Equal("whsec_x", environment["Worker__CallbackSecret"]);
        Assert.Equal("1", environment["PLAIN"]);
    }
}
