using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Transcoding.Orchestrator.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TranscodeDbContext>
{
    public TranscodeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TranscodeDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
