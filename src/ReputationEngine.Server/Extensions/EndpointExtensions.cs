using ReputationEngine.Server.Apis;

namespace ReputationEngine.Server.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapReputationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Access.ApiKeyMiddleware>();
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        app.MapMentionsApi();
        app.MapTopicsApi();
        app.MapCustomersApi();
        app.MapAlertsApi();
        return app;
    }
}
