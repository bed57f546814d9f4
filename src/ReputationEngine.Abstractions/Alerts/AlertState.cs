namespace ReputationEngine.Abstractions.Alerts;

[GenerateSerializer]
public enum AlertState : byte
{
    Open = 0,
    Acknowledged = 1,
    Resolved = 2,
}
