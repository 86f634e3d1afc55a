using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Transcoding.Orchestrator.Auth;

/// <summary><c>Auth:OpenOnLoopback</c>: a request made on this machine is the operator <see cref="LocalName"/>
/// (<c>make run</c>, tests); any other request gets no result from this scheme (see <see cref="IsLocal"/>).</summary>
public sealed class LoopbackAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Loopback";
    public const string LocalName = "local";

    /// <summary>Headers a reverse proxy adds: behind one on the same host every caller would arrive from loopback.</summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "Forwarded"];

    /// <summary>
    /// Whether <paramref name="context"/> was made on this machine, for this machine: it arrives from a loopback address
    /// (TestServer sets none, so it never does), names a loopback host (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>,
    /// any port: another name is DNS rebinding), carries no forwarding header, and, when the browser sends an
    /// <c>Origin</c>, comes from a loopback origin (otherwise it is another web site's cross-site request).
    /// </summary>
    public static bool IsLocal(HttpContext context)
    {
        var headers = context.Request.Headers;
        return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            && IsLoopbackHost(context.Request.Host.Host)
            && !ForwardingHeaders.Any(headers.ContainsKey)
            && (!headers.TryGetValue(HeaderNames.Origin, out var origin)
                || (origin.Count == 1 && Uri.TryCreate(origin[0], UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host)));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(auth.Value.OpenOnLoopback && IsLocal(Context)
            ? AuthenticateResult.Success(new AuthenticationTicket(CallerIdentity.Create(LocalName, Roles.Operator, SchemeName), SchemeName))
            : AuthenticateResult.NoResult());

    /// <summary><c>localhost</c> or a loopback IP literal (IPv6 with or without its brackets).</summary>
    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
