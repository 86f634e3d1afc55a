using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Transcoding.Shared.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IObjectStorage"/> from the <c>Storage</c> section, validated at start-up, and the
    /// <see cref="StorageRetry"/> a job's storage calls go through. Once per collection: a host of several services
    /// (the all-in-one) calls it from each and keeps the first.
    /// </summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(service => service.ServiceType == typeof(IObjectStorage)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IObjectStorage>(sp => Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageRetry>();
        return services;
    }

    public static IObjectStorage Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.S3 => S3ObjectStorage.Create(options),
        _ => new LocalFolderStorage(options.LocalRoot),
    };
}
