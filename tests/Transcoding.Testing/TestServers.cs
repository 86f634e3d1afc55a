namespace Transcoding.Testing;

/// <summary>Where the servers started by <c>scripts/test-infra.sh</c> are; a missing one fails the test, never skips it.</summary>
public static class TestServers
{
    public const string StartThem = "start the test servers: make test (or scripts/test-infra.sh start)";

    public static string RabbitMqUri => Require("TEST_RABBITMQ_URI");

    public static string RabbitMqManagement => Require("TEST_RABBITMQ_MANAGEMENT");

    public static string Postgres => Require("TEST_POSTGRES");

    public static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: {StartThem}");
}
