namespace ReputationEngine.Server.Webhooks;

/// <summary>A registered webhook (DESIGN §4.5). The secret stays in the store; API answers never carry it.</summary>
public sealed record WebhookSubscription(
    string Id, string Url, string Secret, string[] Topics, int MinSeverity, string[] Events, DateTimeOffset CreatedAt)
{
    /// <summary>Empty topic and event lists mean all topics and all events.</summary>
    public bool Matches(string topicId, int severity, string eventName) =>
        severity >= MinSeverity
        && (Topics.Length == 0 || Topics.Contains(topicId, StringComparer.Ordinal))
        && (Events.Length == 0 || Events.Contains(eventName, StringComparer.Ordinal));

    public WebhookView ToView() => new(Id, Url, Topics, MinSeverity, Events, CreatedAt);
}
