namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// Where a conversation stands against its SLA. <see cref="DueAt"/> is null when no SLA applies (nobody is
/// waiting, the case is resolved, or it is not negative while the SLA is for negative conversations only).
/// </summary>
public readonly record struct SlaStatus(DateTimeOffset? DueAt, bool Breached, bool Influential, TimeSpan Limit, int Severity)
{
    public static SlaStatus NotApplicable { get; } = new(null, false, false, TimeSpan.Zero, 0);
}
