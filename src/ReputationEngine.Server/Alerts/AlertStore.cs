using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Alerts;

/// <summary>
/// The server's alert ledger: each change is upserted into the alerts table (a newer version wins), then
/// handed to every <see cref="IAlertListener"/> (dashboard push, webhook outbox, escalation). Also answers
/// the alert queries of the API.
/// </summary>
public sealed class AlertStore(IEngineDatabase database, IEnumerable<IAlertListener> listeners, ILogger<AlertStore> logger) : IAlertLedger
{
    public const int MaxQueryLimit = 1_000;

    private readonly IAlertListener[] _listeners = [.. listeners];

    public async Task RecordAsync(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var alert = change.Alert;
        await using (var connection = await database.OpenAsync())
        {
            await using var command = connection.Command("""
                INSERT INTO alerts (alert_id, topic_id, kind, state, severity, updated_at, version, payload)
                VALUES (@id, @topic, @kind, @state, @severity, @updated, @version, @payload)
                ON CONFLICT (alert_id) DO UPDATE SET
                    state = excluded.state, severity = excluded.severity, updated_at = excluded.updated_at,
                    version = excluded.version, payload = excluded.payload
                WHERE excluded.version > alerts.version
                """);
            command.Parameter("id", alert.Id);
            command.Parameter("topic", alert.TopicId);
            command.Parameter("kind", alert.Kind.ToString());
            command.Parameter("state", alert.State.ToString());
            command.Parameter("severity", alert.Severity);
            command.Parameter("updated", alert.UpdatedAt.ToUnixTimeMilliseconds());
            command.Parameter("version", alert.Version);
            command.Parameter("payload", AlertJson.Serialize(alert));
            await command.ExecuteNonQueryAsync();
        }

        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnAlertChangedAsync(change);
            }
            catch (Exception ex)
            {
                // A listener failing (a dashboard gone) must not undo or block the recorded change.
                logger.LogWarning(ex, "Alert listener {Listener} failed for {AlertId}", listener.GetType().Name, alert.Id);
            }
        }
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertState? state, string? topicId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT payload FROM alerts
            WHERE (@state IS NULL OR state = @state) AND (@topic IS NULL OR topic_id = @topic)
            ORDER BY updated_at DESC
            LIMIT @limit
            """);
        command.Parameter("state", state?.ToString());
        command.Parameter("topic", topicId);
        command.Parameter("limit", Math.Clamp(limit, 1, MaxQueryLimit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<Alert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(AlertJson.Deserialize((byte[])reader.GetValue(0)));
        }

        return alerts;
    }

    public async Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT payload FROM alerts WHERE alert_id = @id");
        command.Parameter("id", alertId);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] payload ? AlertJson.Deserialize(payload) : null;
    }
}
