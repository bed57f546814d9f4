using System.Data.Common;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// Turns an alert change into outbox rows (one per matching webhook) and escalation schedule rows, inside the
/// ledger's transaction; after the commit it wakes this silo's delivery worker.
/// </summary>
public sealed class WebhookOutbox(OutboxSignal signal, [FromKeyedServices(WebhookOptions.ClockKey)] TimeProvider time) : IAlertChangeWriter, IAlertListener
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, AlertChange change, CancellationToken cancellationToken)
    {
        var alert = change.Alert;
        var now = time.GetUtcNow();
        var policy = await WebhookStore.GetPolicyAsync(connection, transaction, alert.TopicId, cancellationToken);
        var levels = policy?.Levels ?? [];
        var hooks = await WebhookStore.ListAsync(connection, transaction, cancellationToken);
        var eventName = AlertEventNames.For(change.Event);
        IEnumerable<WebhookSubscription> targets = change.Event switch
        {
            AlertEvent.Opened or AlertEvent.Updated or AlertEvent.Resolved => hooks.Where(h => h.Matches(alert.TopicId, alert.Severity, eventName)),
            // An escalation goes to the webhooks of the level reached, whatever their own topic filters say.
            AlertEvent.Escalated when alert.EscalationLevel >= 1 && alert.EscalationLevel <= levels.Length =>
                hooks.Where(h => levels[alert.EscalationLevel - 1].Webhooks.Contains(h.Id, StringComparer.Ordinal)),
            _ => [],
        };

        var payload = AlertJson.Serialize(alert);
        foreach (var hook in targets)
        {
            await using var insert = connection.Command("""
                INSERT INTO webhook_deliveries (delivery_id, webhook_id, alert_id, event, payload, state, attempts,
                    enqueued_at, next_attempt_at, claimed_until)
                VALUES (@id, @hook, @alert, @event, @payload, @state, 0, @now, @now, 0)
                """, transaction);
            insert.Parameter("id", "dlv_" + Guid.NewGuid().ToString("N"));
            insert.Parameter("hook", hook.Id);
            insert.Parameter("alert", alert.Id);
            insert.Parameter("event", eventName);
            insert.Parameter("payload", payload);
            insert.Parameter("state", nameof(DeliveryState.Pending));
            insert.Parameter("now", now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await ScheduleEscalationAsync(connection, transaction, change, levels, now, cancellationToken);
    }

    public Task OnAlertChangedAsync(AlertChange change)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    /// <summary>Opened: the first level is due after its delay; escalated: the next one; acknowledged or resolved: the chain stops.</summary>
    private static async Task ScheduleEscalationAsync(
        DbConnection connection, DbTransaction transaction, AlertChange change, EscalationLevel[] levels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var alert = change.Alert;
        var nextLevel = change.Event switch
        {
            AlertEvent.Opened => 1,
            AlertEvent.Escalated => alert.EscalationLevel + 1,
            AlertEvent.Acknowledged or AlertEvent.Resolved => int.MaxValue,
            _ => 0,
        };
        if (nextLevel == 0 || (change.Event == AlertEvent.Opened && levels.Length == 0))
        {
            return;
        }

        await using var command = nextLevel <= levels.Length && alert.State == AlertState.Open
            ? connection.Command("""
                INSERT INTO alert_escalations (alert_id, topic_id, next_level, due_at, claimed_until)
                VALUES (@alert, @topic, @level, @due, 0)
                ON CONFLICT (alert_id) DO UPDATE SET next_level = excluded.next_level, due_at = excluded.due_at, claimed_until = 0
                """, transaction)
            : connection.Command("DELETE FROM alert_escalations WHERE alert_id = @alert", transaction);
        command.Parameter("alert", alert.Id);
        if (nextLevel <= levels.Length && alert.State == AlertState.Open)
        {
            command.Parameter("topic", alert.TopicId);
            command.Parameter("level", nextLevel);
            command.Parameter("due", (now + TimeSpan.FromSeconds(levels[nextLevel - 1].DelaySeconds)).ToUnixTimeMilliseconds());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
