using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Transcoding.Orchestrator.Auth;

/// <summary>The configured API keys by their hashes (<see cref="ApiKeyHash"/>), read once at start-up.</summary>
public sealed class ApiKeyRing(IOptions<AuthOptions> options)
{
    private readonly (ApiKeyEntry Entry, byte[] Hash)[] _keys =
        [.. options.Value.ApiKeys.Select(entry => (entry, ApiKeyHash.Parse(entry.Sha256)!))];

    /// <summary>The entry whose hash is the SHA-256 of <paramref name="key"/>, or null. Every entry is compared, each in
    /// constant time, so the answer's timing says nothing about which hash came close.</summary>
    public ApiKeyEntry? Find(string key)
    {
        var hash = ApiKeyHash.Of(key);
        ApiKeyEntry? found = null;
        foreach (var (entry, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found = entry;
            }
        }

        return found;
    }
}
