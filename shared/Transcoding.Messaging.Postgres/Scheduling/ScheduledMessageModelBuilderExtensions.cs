using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Scheduling;

public static class ScheduledMessageModelBuilderExtensions
{
    /// <summary>
    /// Adds the scheduler's table to the caller's model (in its default schema), so the caller's migrations create it
    /// next to the saga tables. Call from <c>OnModelCreating</c>.
    /// </summary>
    public static ModelBuilder AddScheduledMessages(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new ScheduledMessageConfiguration());
}
