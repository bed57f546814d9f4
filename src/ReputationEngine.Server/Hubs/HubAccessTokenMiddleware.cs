
namespace ReputationEngine.Server.Hubs;

/// <summary>
/// SignalR clients send their token as <c>Authorization: Bearer</c> on HTTP requests (negotiate, long polling)
/// and as the <c>access_token</c> query parameter where headers are impossible (browser WebSockets, DESIGN §4.6).
/// On hub paths this moves either into <c>X-Api-Key</c>, where the key check reads it.
/// </summary>
public sealed class HubAccessTokenMiddleware(RequestDelegate next)
{
    public const string HubsPrefix = "/hubs";
    public const string QueryParameter = "access_token";
    private const string BearerPrefix = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(HubsPrefix) && string.IsNullOrEmpty(request.Headers[Access.ApiKeyDefaults.Header]))
        {
            var authorization = request.Headers.Authorization.ToString();
            var token = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                ? authorization[BearerPrefix.Length..].Trim()
                : request.Query[QueryParameter].ToString();
            if (token.Length > 0)
            {
                request.Headers[Access.ApiKeyDefaults.Header] = token;
            }
        }

        return next(context);
    }
}
