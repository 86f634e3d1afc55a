namespace Transcoding.Messaging.Postgres.Leases;

/// <summary>A store whose records expire; <see cref="ExpiredRecordsPurger"/> deletes them periodically.</summary>
public interface IExpiringStore
{
    /// <summary>Deletes the records past their retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
