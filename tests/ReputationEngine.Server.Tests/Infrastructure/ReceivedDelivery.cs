namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>One request a <see cref="WebhookReceiver"/> got; <see cref="ArrivedAt"/> is a Stopwatch timestamp.</summary>
public sealed record ReceivedDelivery(string DeliveryId, string Event, string Body, bool SignatureValid, int Status, long ArrivedAt);
