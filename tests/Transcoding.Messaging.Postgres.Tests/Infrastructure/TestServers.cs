namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

/// <summary>The real servers the tests run against; never skipped silently when absent.</summary>
static class TestServers
{
    public const string StartThem = "start the test servers: make test (or scripts/test-infra.sh start)";

    public static string Postgres => Required("TEST_POSTGRES");

    public static Uri RabbitMq => new(Required("TEST_RABBITMQ_URI"));

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: {StartThem}");
}
