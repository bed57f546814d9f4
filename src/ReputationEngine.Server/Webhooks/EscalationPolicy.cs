namespace ReputationEngine.Server.Webhooks;

/// <summary>A topic's ordered escalation levels (<c>PUT /api/topics/{id}/escalation</c>).</summary>
public sealed record EscalationPolicy(EscalationLevel[] Levels)
{
    public const int MaxLevels = 10;
    public const int MaxDelaySeconds = 7 * 24 * 3600;
    public const int MaxWebhooksPerLevel = 20;
}
