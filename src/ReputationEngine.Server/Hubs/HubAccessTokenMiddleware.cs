using ReputationEngine.Server.Access;

namespace ReputationEngine.Server.Hubs;

/// <summary>
/// Browsers cannot set headers on a WebSocket, so SignalR clients send the key as the <c>access_token</c> query
/// parameter (DESIGN §4.6). On hub paths this moves it into <c>X-Api-Key</c>, where the key check reads it.
/// </summary>
public sealed class HubAccessTokenMiddleware(RequestDelegate next)
{
    public const string HubsPrefix = "/hubs";
    public const string QueryParameter = "access_token";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(HubsPrefix)
            && string.IsNullOrEmpty(request.Headers[ApiKeyMiddleware.Header])
            && request.Query[QueryParameter].ToString() is { Length: > 0 } token)
        {
            request.Headers[ApiKeyMiddleware.Header] = token;
        }

        return next(context);
    }
}
