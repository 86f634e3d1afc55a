using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Npgsql;
using Transcoding.Testing.Chaos;

namespace Transcoding.Shared.Tests.Chaos;

/// <summary>
/// The faults <c>scripts/test-infra.sh</c> injects, on a server set of this class's own: data written before the fault
/// is there after it, the server answers as soon as the script returns (no polling), and the env file is unchanged.
/// </summary>
public sealed class When_a_test_server_is_faulted(TestInfraSet servers) : IClassFixture<TestInfraSet>
{
    private readonly string _envBefore = File.ReadAllText(servers.EnvFile);

    [Fact]
    public async Task A_durable_message_published_before_a_RabbitMQ_stop_is_there_after_the_start()
    {
        using var management = new HttpClient { BaseAddress = new Uri(servers.Environment["TEST_RABBITMQ_MANAGEMENT"] + "/api/") };
        management.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("guest:guest"u8));
        var queue = "chaos-" + Guid.NewGuid().ToString("N");
        (await management.PutAsJsonAsync($"queues/%2F/{queue}", new { durable = true })).EnsureSuccessStatusCode();
        (await management.PostAsJsonAsync("exchanges/%2F/amq.default/publish", new
        {
            properties = new { delivery_mode = 2 },
            routing_key = queue,
            payload = "before the stop",
            payload_encoding = "string",
        })).EnsureSuccessStatusCode();

        await servers.StopRabbitMqAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => management.GetAsync("overview"));
        await servers.StartRabbitMqAsync();

        using var got = await management.PostAsJsonAsync($"queues/%2F/{queue}/get", new { count = 1, ackmode = "ack_requeue_false", encoding = "auto" });
        got.EnsureSuccessStatusCode();
        var messages = await got.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("before the stop", Assert.Single(messages.EnumerateArray()).GetProperty("payload").GetString());
        Assert.Equal(_envBefore, await File.ReadAllTextAsync(servers.EnvFile));
    }

    [Fact]
    public async Task A_committed_row_survives_an_immediate_PostgreSQL_restart()
    {
        var connectionString = servers.Environment["TEST_POSTGRES"];
        await using var source = NpgsqlDataSource.Create(connectionString);
        var table = "chaos_" + Guid.NewGuid().ToString("N");
        await source.CreateCommand($"CREATE TABLE {table} (value text); INSERT INTO {table} VALUES ('committed')").ExecuteNonQueryAsync();
        var startedBefore = (DateTime)(await source.CreateCommand("SELECT pg_postmaster_start_time()").ExecuteScalarAsync())!;

        await servers.CrashPostgresAsync();

        // A new pool: the old connections were cut by the crash.
        await using var after = NpgsqlDataSource.Create(connectionString + ";Pooling=false");
        Assert.Equal("committed", await after.CreateCommand($"SELECT value FROM {table}").ExecuteScalarAsync());
        Assert.True((DateTime)(await after.CreateCommand("SELECT pg_postmaster_start_time()").ExecuteScalarAsync())! > startedBefore);
        // Only a shutdown without a checkpoint makes the next start recover.
        Assert.Contains("database system was not properly shut down; automatic recovery in progress", await File.ReadAllTextAsync(servers.PostgresLog));
        Assert.Equal(_envBefore, await File.ReadAllTextAsync(servers.EnvFile));
    }

    [Fact]
    public async Task An_object_stored_before_an_s3rver_stop_is_there_after_the_start()
    {
        using var s3 = S3Client();
        var content = RandomNumberGenerator.GetBytes(4096);
        var key = $"{servers.Environment["TEST_S3_BUCKET"]}/chaos/{Guid.NewGuid():N}.bin";
        (await s3.PutAsync(key, new ByteArrayContent(content))).EnsureSuccessStatusCode();

        await servers.StopS3Async();
        await Assert.ThrowsAsync<HttpRequestException>(() => s3.GetAsync(key));
        await servers.StartS3Async();

        Assert.Equal(content, await s3.GetByteArrayAsync(key));
        Assert.Equal(_envBefore, await File.ReadAllTextAsync(servers.EnvFile));
    }

    // s3rver takes unsigned requests; trusting exactly the set's own certificate (the process trusts make test's one,
    // through SSL_CERT_FILE) also proves the restarted server kept it.
    private HttpClient S3Client()
    {
        var certificate = X509CertificateLoader.LoadCertificateFromFile(servers.Environment["TEST_S3_CERT"]);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClient(handler) { BaseAddress = new Uri(servers.Environment["TEST_S3_URL"] + "/") };
    }
}
