using System.ComponentModel.DataAnnotations;

namespace Transcoding.Orchestrator.Auth;

/// <summary>
/// Section <c>Auth</c>: who may call the orchestrator's API. Bearer tokens from an OpenID Connect issuer
/// (<see cref="Authority"/> and <see cref="Audience"/>), API keys (<see cref="ApiKeys"/>), or, for <c>make run</c> and
/// tests only, every loopback caller as the operator <c>local</c> (<see cref="OpenOnLoopback"/>). With none of the
/// three the service refuses to start: an API nobody can call is a mistake, an API anybody can call is a worse one.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>The OpenID Connect issuer, e.g. <c>https://login.example.com/realms/media</c>; its
    /// <c>/.well-known/openid-configuration</c> gives the signing keys. HTTPS, or HTTP on a loopback host only.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> a token must carry; required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>The token claim holding the role (<c>reader</c> or <c>operator</c>; a JSON array is several claims).</summary>
    public string RoleClaim { get; set; } = "roles";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Development only (<c>make run</c>, tests): every request from a loopback address is the operator
    /// <c>local</c>; start-up fails if the server listens on any other address, or in an environment
    /// (<c>ASPNETCORE_ENVIRONMENT</c>) other than <c>Development</c> or <c>Testing</c>. The compose file never sets it.</summary>
    public bool OpenOnLoopback { get; set; }

    /// <summary>The environment tests run the services in.</summary>
    public const string TestingEnvironment = "Testing";

    public const string OpenOnLoopbackOutsideDevelopment =
        "Auth:OpenOnLoopback is for development only, but ASPNETCORE_ENVIRONMENT is neither Development nor Testing. "
        + "Configure Auth:Authority or Auth:ApiKeys instead.";

    /// <summary>Whether <see cref="OpenOnLoopback"/> may be set in <paramref name="environment"/>: Development or Testing; a
    /// deployment (Production, Staging, anything else) refuses to start with it, whatever address it listens on.</summary>
    public static bool AllowsOpenOnLoopback(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    public bool HasAuthority => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HasAuthority && ApiKeys.Count == 0 && !OpenOnLoopback)
        {
            yield return new ValidationResult(
                "Auth: nobody could call the API. Set Auth:Authority and Auth:Audience (an OpenID Connect issuer), Auth:ApiKeys, "
                + "or, for development on loopback only, Auth:OpenOnLoopback=true.");
        }

        if (HasAuthority)
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
                || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
            {
                yield return new ValidationResult("Auth:Authority must be an absolute https URL (http only on a loopback host).");
            }

            if (string.IsNullOrWhiteSpace(Audience))
            {
                yield return new ValidationResult("Auth:Audience is required with Auth:Authority.");
            }
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return new ValidationResult("Auth:RoleClaim must name a claim.");
        }

        // Messages name the entry by index and name, never by hash: the hash of a short key is a way to it.
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Name is required.");
            }

            if (ApiKeyHash.Parse(key.Sha256) is null)
            {
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Sha256 ({key.Name}) must be 64 hex digits: the SHA-256 of the key, not the key.");
            }

            if (!Roles.IsKnown(key.Role))
            {
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Role ({key.Name}) must be {Roles.Reader} or {Roles.Operator}.");
            }
        }

        if (ApiKeys.GroupBy(key => key.Name, StringComparer.Ordinal).Any(names => names.Count() > 1))
        {
            yield return new ValidationResult("Auth:ApiKeys: two keys have the same Name.");
        }

        if (ApiKeys.GroupBy(key => key.Sha256.ToUpperInvariant(), StringComparer.Ordinal).Any(hashes => hashes.Count() > 1))
        {
            yield return new ValidationResult("Auth:ApiKeys: two entries have the same Sha256 (one key, two names).");
        }
    }
}
