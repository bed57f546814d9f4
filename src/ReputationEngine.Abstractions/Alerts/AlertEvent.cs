namespace ReputationEngine.Abstractions.Alerts;

/// <summary>What happened to an alert; webhook event names are <c>alert.opened</c> etc. (DESIGN §4.5).</summary>
[GenerateSerializer]
public enum AlertEvent : byte
{
    Opened = 0,
    Updated = 1,
    Escalated = 2,
    Resolved = 3,
    Acknowledged = 4,
    Assigned = 5,
}

public static class AlertEventNames
{
    public static string For(AlertEvent e) => e switch
    {
        AlertEvent.Opened => "alert.opened",
        AlertEvent.Updated => "alert.updated",
        AlertEvent.Escalated => "alert.escalated",
        AlertEvent.Resolved => "alert.resolved",
        AlertEvent.Acknowledged => "alert.acknowledged",
        _ => "alert.assigned",
    };
}
