using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

/// <summary>
/// Where grains record alert changes. The server's ledger makes each change durable (alerts table, webhook
/// outbox) and then publishes it to live listeners (dashboards); `reputation replay` writes NDJSON.
/// A grain awaits <see cref="RecordAsync"/> before it considers the change made.
/// </summary>
public interface IAlertLedger
{
    Task RecordAsync(AlertChange change);
}
