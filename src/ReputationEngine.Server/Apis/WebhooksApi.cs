using ReputationEngine.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Apis;

/// <summary><c>/api/webhooks</c> (DESIGN §4.5): subscriptions, their deliveries, dead letters and redelivery.</summary>
public static class WebhooksApi
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxUrlLength = 2_048;
    public const int MaxTopics = 100;
    public const int MinSeverity = 1;
    public const int MaxSeverity = 10;
    public const int DefaultDeliveryLimit = 100;

    /// <summary>The events a webhook may subscribe to.</summary>
    public static readonly string[] Events =
        [.. new[] { AlertEvent.Opened, AlertEvent.Updated, AlertEvent.Escalated, AlertEvent.Resolved }.Select(AlertEventNames.For)];

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/webhooks").RequireScope(Scopes.Admin).WithTags("Webhooks");
        hooks.MapPost("/", CreateAsync).WithName("CreateWebhook");
        hooks.MapGet("/", async (WebhookStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(ct)).Select(h => h.ToView()).ToArray())).WithName("ListWebhooks");
        hooks.MapGet("/{id}", async Task<Results<Ok<WebhookView>, ProblemHttpResult>> (string id, WebhookStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } hook ? TypedResults.Ok(hook.ToView()) : NotFound(id)).WithName("GetWebhook");
        hooks.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, WebhookStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id)).WithName("DeleteWebhook");
        hooks.MapGet("/{id}/deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries");
        hooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", async Task<Results<Accepted<DeliveryView>, ProblemHttpResult>> (
            string id, string deliveryId, OutboxStore outbox, OutboxSignal signal, CancellationToken ct) =>
        {
            var queued = await outbox.RedeliverAsync(id, deliveryId, ct);
            if (queued is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found",
                    detail: $"Webhook '{id}' has no delivery '{deliveryId}'.");
            }

            signal.Notify();
            return TypedResults.Accepted($"/api/webhooks/{id}/deliveries", queued);
        }).WithName("RedeliverWebhookDelivery");
        return app;
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(
        WebhookRequest? request, WebhookStore store, WebhookUrlGuard guard, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return BadRequest("Missing body", "Send {\"url\",\"secret\",\"topics\",\"minSeverity\",\"events\"}.");
        }

        if (request.Url is not { Length: > 0 and <= MaxUrlLength } url)
        {
            return BadRequest("Invalid url", $"'url' is required, at most {MaxUrlLength} characters.");
        }

        if (await guard.CheckAsync(url, cancellationToken) is { } refused)
        {
            return BadRequest("Webhook URL refused", refused);
        }

        if (request.Secret is not { Length: >= MinSecretLength and <= MaxSecretLength })
        {
            return BadRequest("Invalid secret", $"'secret' is required, {MinSecretLength}-{MaxSecretLength} characters.");
        }

        if (request.Topics is { } topics && (topics.Length > MaxTopics || !topics.All(TopicIds.IsValid)))
        {
            return BadRequest("Invalid topics", $"'topics' lists at most {MaxTopics} topic ids (empty: all topics); {TopicIds.Rule}.");
        }

        if (request.MinSeverity is < MinSeverity or > MaxSeverity)
        {
            return BadRequest("Invalid minSeverity", $"'minSeverity' is {MinSeverity}-{MaxSeverity}.");
        }

        if (request.Events is { } events && !events.All(e => Events.Contains(e, StringComparer.Ordinal)))
        {
            return BadRequest("Invalid events", $"'events' lists some of {string.Join(", ", Events)} (empty: all).");
        }

        var hook = await store.AddAsync(request with { Topics = request.Topics?.Distinct().ToArray(), Events = request.Events?.Distinct().ToArray() }, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{hook.Id}", hook.ToView());
    }

    private static async Task<Results<Ok<DeliveryView[]>, ProblemHttpResult>> ListDeliveriesAsync(
        string id, string? state, int? limit, WebhookStore store, OutboxStore outbox, CancellationToken cancellationToken)
    {
        DeliveryState? filter = null;
        if (state is not null)
        {
            if (!QueryNames.TryParse<DeliveryState>(state, out var parsed))
            {
                return BadRequest("Invalid state", "'state' is one of pending|delivered|failed.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > OutboxStore.MaxListLimit)
        {
            return BadRequest("Invalid limit", $"'limit' is 1-{OutboxStore.MaxListLimit}.");
        }

        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok((await outbox.ListAsync(id, filter, limit ?? DefaultDeliveryLimit, cancellationToken)).ToArray());
    }

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Webhook not found", detail: $"No webhook '{id}'.");
}
