namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// One escalation level: when an alert is still open and unacknowledged <see cref="DelaySeconds"/> after the
/// previous level was notified (the first level: after it opened), these webhooks get <c>alert.escalated</c>.
/// </summary>
public sealed record EscalationLevel(int DelaySeconds, string[] Webhooks);
