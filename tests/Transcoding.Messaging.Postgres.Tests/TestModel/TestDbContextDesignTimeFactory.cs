using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

/// <summary>For <c>dotnet ef migrations add</c>, which needs the provider but no server.</summary>
public sealed class TestDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TestDbContext>
{
    public TestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
