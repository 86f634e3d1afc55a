using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Transcoding.ServiceDefaults;

/// <summary>Ready only while PostgreSQL answers a query. The failure names the exception type, never the connection string.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL is unreachable ({e.GetType().Name})");
        }
    }
}

public static class PostgresHealthCheckExtensions
{
    /// <summary>A readiness check (<c>/health/ready</c>) on the database behind <paramref name="connectionString"/>.</summary>
    public static IHealthChecksBuilder AddPostgres(this IHealthChecksBuilder checks, string name, string connectionString) =>
        checks.Add(new HealthCheckRegistration(name, _ => new PostgresHealthCheck(connectionString), HealthStatus.Unhealthy, [HostingExtensions.ReadyTag]));
}
