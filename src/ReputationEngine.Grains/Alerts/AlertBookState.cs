using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

[GenerateSerializer]
public sealed class AlertBookState
{
    /// <summary>The open (or acknowledged, not yet resolved) alert of each kind.</summary>
    [Id(0)] public Dictionary<AlertKind, Alert> Active { get; set; } = [];
    [Id(1)] public long NextNumber { get; set; } = 1;
}
