namespace ReputationEngine.Server.Webhooks;

/// <summary>A webhook as the API shows it: everything but the secret.</summary>
public sealed record WebhookView(string Id, string Url, string[] Topics, int MinSeverity, string[] Events, DateTimeOffset CreatedAt);
