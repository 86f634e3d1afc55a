using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace Transcoding.Ops.Cli;

internal sealed class TypeResolver : ITypeResolver, IDisposable
{
    private readonly ServiceProvider _provider;

    public TypeResolver(ServiceProvider provider)
    {
        _provider = provider;
        // A CLI has no host start, so run the ValidateOnStart checks here: bad configuration stops every command.
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    public object? Resolve(Type? type) => type is null ? null : _provider.GetService(type);

    public void Dispose() => _provider.Dispose();
}
