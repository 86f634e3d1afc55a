using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Transcoding.Messaging.Postgres.Leases;

public static class ExpiringStoreServiceCollectionExtensions
{
    /// <summary>
    /// Purges the registered <typeparamref name="TStore"/> every <paramref name="interval"/> (read once, at start-up)
    /// with an <see cref="ExpiredRecordsPurger"/>. Needs a <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection PurgeExpiredRecords<TStore>(this IServiceCollection services, string storeName, Func<IServiceProvider, TimeSpan> interval)
        where TStore : IExpiringStore =>
        // Not AddHostedService: it keeps one registration per implementation type, and one process may purge several stores.
        services.AddSingleton<IHostedService>(provider => new ExpiredRecordsPurger(
            provider.GetRequiredService<TStore>(),
            storeName,
            interval(provider),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ExpiredRecordsPurger>>()));
}
