namespace ReputationEngine.Abstractions.Alerts;

/// <summary>What a person does to an alert through the API or the dashboard.</summary>
[GenerateSerializer]
public enum AlertAction : byte
{
    Acknowledge = 0,
    Resolve = 1,
    Assign = 2,
}
