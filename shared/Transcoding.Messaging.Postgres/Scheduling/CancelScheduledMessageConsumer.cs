using MassTransit;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>Deletes the row of a <see cref="CancelScheduledMessage"/>'s token; a token already sent or unknown is a no-op.</summary>
public sealed class CancelScheduledMessageConsumer<TDbContext>(TDbContext dbContext, ILogger<CancelScheduledMessageConsumer<TDbContext>> logger)
    : IConsumer<CancelScheduledMessage>
    where TDbContext : DbContext
{
    public async Task Consume(ConsumeContext<CancelScheduledMessage> context)
    {
        var tokenId = context.Message.TokenId;
        var rows = await dbContext.Set<ScheduledMessage>()
            .Where(x => x.TokenId == tokenId)
            .ExecuteDeleteAsync(context.CancellationToken);
        Log.MessageUnscheduled(logger, tokenId, rows);
    }
}
