namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// A conversation as the SLA sees it. <see cref="WaitingSince"/> is the first customer message the brand has
/// not answered yet; <see cref="AnsweredAt"/> the brand reply that ends that wait, when it is being applied.
/// </summary>
public readonly record struct SlaCase(
    DateTimeOffset? WaitingSince,
    DateTimeOffset? AnsweredAt,
    bool HasNegativeCustomerMessage,
    bool Resolved,
    double CustomerInfluence);
