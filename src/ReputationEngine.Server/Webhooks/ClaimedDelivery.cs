namespace ReputationEngine.Server.Webhooks;

/// <summary>An outbox row this silo claimed for one attempt.</summary>
public sealed record ClaimedDelivery(string Id, string WebhookId, string Event, byte[] Payload, int Attempts, DateTimeOffset EnqueuedAt);
