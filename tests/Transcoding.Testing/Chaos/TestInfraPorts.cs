
namespace Transcoding.Testing.Chaos;

/// <summary>The loopback ports of one set of test servers, as <c>scripts/test-infra.sh</c> reads them from its environment.</summary>
public sealed record TestInfraPorts(int RabbitMq, int RabbitMqManagement, int RabbitMqDistribution, int Epmd, int Postgres, int S3)
{
    /// <summary>The script's variables (<c>TEST_RABBITMQ_PORT</c> ... <c>TEST_S3_PORT</c>) for these ports.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["TEST_RABBITMQ_PORT"] = Text(RabbitMq),
        ["TEST_RABBITMQ_MANAGEMENT_PORT"] = Text(RabbitMqManagement),
        ["TEST_RABBITMQ_DIST_PORT"] = Text(RabbitMqDistribution),
        ["TEST_EPMD_PORT"] = Text(Epmd),
        ["TEST_POSTGRES_PORT"] = Text(Postgres),
        ["TEST_S3_PORT"] = Text(S3),
    };

    /// <summary>Six different ports, free now, that the kernel does not hand out on its own (<see cref="LoopbackPorts"/>).</summary>
    public static TestInfraPorts Free()
    {
        var ports = LoopbackPorts.Take(6);
        return new TestInfraPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
