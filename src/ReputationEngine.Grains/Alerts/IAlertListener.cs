using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

/// <summary>Gets every alert change after it is durable (dashboard push, escalation scheduling).</summary>
public interface IAlertListener
{
    Task OnAlertChangedAsync(AlertChange change);
}
