namespace ReputationEngine.Server.Webhooks;

/// <summary>One outbox row as <c>GET /api/webhooks/{id}/deliveries</c> shows it.</summary>
public sealed record DeliveryView(
    string Id, string WebhookId, string AlertId, string Event, DeliveryState State, int Attempts,
    DateTimeOffset EnqueuedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? FirstAttemptAt, DateTimeOffset? CompletedAt, string? LastError);
