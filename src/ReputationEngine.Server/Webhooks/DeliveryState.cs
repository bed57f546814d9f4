namespace ReputationEngine.Server.Webhooks;

/// <summary>Where an outbox row is: waiting (or retrying), delivered, or dead-lettered.</summary>
public enum DeliveryState
{
    Pending,
    Delivered,
    Failed,
}
