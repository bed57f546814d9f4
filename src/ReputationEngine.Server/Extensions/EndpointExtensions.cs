using ReputationEngine.Server.Access;
using ReputationEngine.Server.Apis;

namespace ReputationEngine.Server.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapReputationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseReputationDashboard();
        app.UseReputationAccess();
        // Every route declares its scope (RequireScope); only /healthz and data-free static shells AllowWithoutKey.
        // Static files (the dashboard shell) go before UseReputationAccess or map with AllowWithoutKey().
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").AllowWithoutKey();
        app.MapAccessSurfaces();
        app.MapMentionsApi();
        app.MapTopicsApi();
        app.MapCustomersApi();
        app.MapConversationsApi();
        app.MapTopicCrmApi();
        app.MapAlertsApi();
        app.MapWebhooksApi();
        app.MapEscalationApi();
        app.MapReputationDashboard();
        return app;
    }
}
