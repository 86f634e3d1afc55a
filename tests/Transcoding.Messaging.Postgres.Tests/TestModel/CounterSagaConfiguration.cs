using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

public sealed class CounterSagaConfiguration : IEntityTypeConfiguration<CounterSaga>
{
    public void Configure(EntityTypeBuilder<CounterSaga> builder)
    {
        builder.ToTable("counter_sagas");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        // Npgsql maps a uint row version to the xmin system column; no column is created for it.
        builder.Property(x => x.Version).IsRowVersion();
        builder.Property(x => x.Outputs).HasJsonbConversion();
    }
}
