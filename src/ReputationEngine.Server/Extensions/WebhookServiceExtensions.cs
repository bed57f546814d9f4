using Microsoft.Extensions.DependencyInjection.Extensions;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Extensions;

public static class WebhookServiceExtensions
{
    /// <summary>Webhook subscriptions, the durable outbox written with each alert change, the delivery worker and escalation.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.TryAddKeyedSingleton<TimeProvider>(WebhookOptions.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryBackoff>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IAlertChangeWriter>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddSingleton<IAlertListener>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddHttpClient(WebhookSender.ClientName)
            // The per-attempt timeout is the endpoint pipeline's (Webhooks:AttemptTimeout), not HttpClient's 100 s default.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Redirects could lead anywhere; the guard checks the address of every connection, at delivery time.
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }
}
