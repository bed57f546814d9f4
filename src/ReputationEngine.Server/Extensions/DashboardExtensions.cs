using ReputationEngine.Server.Access;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReputationEngine.Abstractions.Dashboard;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Dashboard;
using ReputationEngine.Server.Demo;
using ReputationEngine.Server.Hubs;

namespace ReputationEngine.Server.Extensions;

public static class DashboardExtensions
{
    /// <summary>The SignalR hub, this silo's hub observer and its registration, the alert listener, and the demo feed with --demo.</summary>
    public static WebApplicationBuilder AddReputationDashboard(this WebApplicationBuilder builder, EngineOptions engine)
    {
        var services = builder.Services;
        services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton<DashboardObserver>();
        services.AddHostedService<DashboardHubRegistrar>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertListener, DashboardAlertListener>());
        if (engine.Demo)
        {
            services.AddHostedService<DemoFeed>();
        }

        return builder;
    }

    /// <summary>
    /// The dashboard page and its bundle (public: they hold no data, and the page must load to read its key from
    /// the URL fragment), security headers on every response, and the hub's query-string key.
    /// </summary>
    public static WebApplication UseReputationDashboard(this WebApplication app)
    {
        app.UseMiddleware<Dashboard.SecurityHeadersMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseMiddleware<HubAccessTokenMiddleware>();
        return app;
    }

    public static WebApplication MapReputationDashboard(this WebApplication app)
    {
        app.MapHub<DashboardHub>(DashboardMessages.HubPath).RequireScope(Scopes.Read);
        return app;
    }
}
