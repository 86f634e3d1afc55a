using Microsoft.Extensions.Configuration;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>An in-memory configuration source whose whole content can be replaced, firing a reload like a changed file.</summary>
public sealed class ReloadableConfiguration(IDictionary<string, string?> initial) : IConfigurationSource
{
    private readonly Provider _provider = new(initial);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    public void Replace(IDictionary<string, string?> settings) => _provider.Replace(settings);

    private sealed class Provider(IDictionary<string, string?> initial) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);

        public void Replace(IDictionary<string, string?> settings)
        {
            Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
            OnReload();
        }
    }
}
