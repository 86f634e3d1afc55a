namespace Transcoding.Orchestrator.Dashboard;

/// <summary>
/// Browser hardening headers on every answer of the orchestrator (API, dashboard files, errors): no MIME sniffing, no
/// framing (clickjacking), no referrer (a presigned URL must not leak to another site), and a Content-Security-Policy
/// that lets the dashboard run offline from its own files while playing presigned media from the object store's origin.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>What the dashboard needs: its own modules and styles only (no inline script or style); media and
    /// thumbnails from the object store (any http(s) origin: presigned URLs), as <c>blob:</c> for hls.js's
    /// MediaSource and worker; no plugins, no base rewriting, no framing, forms posting only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https: http:; "
        + "media-src 'self' blob: https: http:; connect-src 'self' https: http:; worker-src 'self' blob:; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    });
}
