namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>Endpoints of the real servers integration tests use; a missing one fails the test, never skips it.</summary>
public static class TestServers
{
    public static string RabbitMqUri => Required("TEST_RABBITMQ_URI");

    public static string Postgres => Required("TEST_POSTGRES");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: start the test servers: make test (or scripts/test-infra.sh start)");
}
