namespace ReputationEngine.Grains.Sla;

[GenerateSerializer]
public sealed class SlaWakeUpState
{
    [Id(0)] public HashSet<string> ConversationIds { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer]
public sealed class SlaScheduleState
{
    /// <summary>Buckets (ticks) with conversations signed up and not fired yet.</summary>
    [Id(0)] public SortedSet<long> Buckets { get; set; } = [];
}
