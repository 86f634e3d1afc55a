using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Transcoding.Shared.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IObjectStorage"/> from the <c>Storage</c> section, validated at start-up, and the
    /// <see cref="StorageRetry"/> a job's storage calls go through.
    /// </summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
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
        StorageProvider.S3 => new S3ObjectStorage(S3ObjectStorage.CreateClient(options), options.Bucket),
        _ => new LocalFolderStorage(options.LocalRoot),
    };
}
