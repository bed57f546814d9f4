namespace ReputationEngine.Server.Access;

/// <summary>
/// Headers on every response (also errors: set when the response starts, after the exception handler has
/// cleared headers). API responses get a deny-all CSP and no-store; HTML shells (dashboard, /docs) get
/// framing protection and may load their own scripts.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string ShellPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    private static readonly string[] DataPaths = ["/api", "/hubs", "/metrics", "/openapi", "/healthz"];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            var isData = Array.Exists(DataPaths, p => http.Request.Path.StartsWithSegments(p));
            headers.ContentSecurityPolicy = isData ? ApiPolicy : ShellPolicy;
            if (isData)
            {
                headers.CacheControl = "no-store";
            }

            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
