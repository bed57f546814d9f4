using System.Threading.Channels;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Alerts;

/// <summary>
/// The server's alert ledger: each change is upserted into the alerts table (a newer version wins), then
/// handed to every <see cref="IAlertListener"/> (dashboard push, webhook outbox, escalation). Also answers
/// the alert queries of the API. Changes group-commit: everything recorded while the previous transaction ran
/// goes in the next one, so a burst of alerts across hundreds of topics is a few transactions, not hundreds
/// of turns at the database's single writer (each topic grain waits for its own change to be durable).
/// </summary>
public sealed class AlertStore : IAlertLedger, IDisposable
{
    public const int MaxQueryLimit = 1_000;

    /// <summary>Alert changes written in one transaction at most.</summary>
    public const int MaxChangesPerCommit = 1_000;

    private readonly IEngineDatabase database;
    private readonly IAlertChangeWriter[] _writers;
    private readonly IAlertListener[] _listeners;
    private readonly ILogger<AlertStore> logger;
    private readonly Channel<PendingChange> _pending = Channel.CreateUnbounded<PendingChange>(new UnboundedChannelOptions { SingleReader = true });
    private int _disposed;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _committer;

    public AlertStore(IEngineDatabase database, IEnumerable<IAlertChangeWriter> writers, IEnumerable<IAlertListener> listeners, ILogger<AlertStore> logger)
    {
        this.database = database;
        _writers = [.. writers];
        _listeners = [.. listeners];
        this.logger = logger;
        _committer = Task.Run(CommitLoopAsync);
    }

    public async Task RecordAsync(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pending = new PendingChange(change);
        await _pending.Writer.WriteAsync(pending);
        await pending.Durable.Task;

        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnAlertChangedAsync(change);
            }
            catch (Exception ex)
            {
                // A listener failing (a dashboard gone) must not undo or block the recorded change.
                logger.LogWarning(ex, "Alert listener {Listener} failed for {AlertId}", listener.GetType().Name, change.Alert.Id);
            }
        }
    }

    private Task CommitLoopAsync() => _pending.Reader.ConsumeInGroupsAsync(MaxChangesPerCommit, CommitOrFailAsync, _stopping.Token);

    private async Task CommitOrFailAsync(List<PendingChange> group)
    {
        try
        {
            await CommitAsync(group);
            group.ForEach(p => p.Durable.TrySetResult());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            logger.LogError(ex, "Recording {Count} alert changes failed", group.Count);
            group.ForEach(p => p.Durable.TrySetException(ex));
        }
    }

    private async Task CommitAsync(List<PendingChange> group)
    {
        // Urgent: the topic that raised these waits for them, and so do the dashboards and webhooks.
        await using var connection = await database.OpenForUrgentWriteAsync(_stopping.Token);
        // One transaction: the alert rows and the writers' rows (webhook outbox, escalation) commit together.
        await using var transaction = await connection.BeginTransactionAsync(_stopping.Token);
        await using var command = connection.Command("""
            INSERT INTO alerts (alert_id, topic_id, kind, state, severity, updated_at, version, payload)
            VALUES (@id, @topic, @kind, @state, @severity, @updated, @version, @payload)
            ON CONFLICT (alert_id) DO UPDATE SET
                state = excluded.state, severity = excluded.severity, updated_at = excluded.updated_at,
                version = excluded.version, payload = excluded.payload
            WHERE excluded.version > alerts.version
            """, transaction);
        foreach (var pending in group)
        {
            var alert = pending.Change.Alert;
            command.Parameters.Clear();
            command.Parameter("id", alert.Id);
            command.Parameter("topic", alert.TopicId);
            command.Parameter("kind", alert.Kind.ToString());
            command.Parameter("state", alert.State.ToString());
            command.Parameter("severity", alert.Severity);
            command.Parameter("updated", alert.UpdatedAt.ToUnixTimeMilliseconds());
            command.Parameter("version", alert.Version);
            command.Parameter("payload", AlertJson.Serialize(alert));
            if (await command.ExecuteNonQueryAsync(_stopping.Token) > 0)
            {
                // A stale copy (an older version replayed) changes nothing and must not be delivered again.
                foreach (var writer in _writers)
                {
                    await writer.WriteAsync(connection, transaction, pending.Change, _stopping.Token);
                }
            }
        }

        await transaction.CommitAsync(_stopping.Token);
    }

    public void Dispose()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _pending.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _committer.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping: a change still queued fails with its topic grain, which keeps the alert and retries.
        }

        _stopping.Dispose();
    }

    private sealed class PendingChange(AlertChange change)
    {
        public AlertChange Change { get; } = change;

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertState? state, string? topicId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT payload FROM alerts
            WHERE (CAST(@state AS TEXT) IS NULL OR state = @state) AND (CAST(@topic AS TEXT) IS NULL OR topic_id = @topic)
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

    /// <summary>
    /// Privacy erasure: blanks the sample texts of these mentions in every stored alert (the version stays: the
    /// alert did not change, only words were forgotten). Returns the topics whose alerts held any of them.
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseSampleTextsAsync(IReadOnlySet<string> mentionIds, CancellationToken cancellationToken)
    {
        var changed = new List<(string Id, string Topic, byte[] Payload)>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var select = connection.Command("SELECT alert_id, topic_id, payload FROM alerts"))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var alert = AlertJson.Deserialize((byte[])reader.GetValue(2));
                if (AlertSamples.WithoutTexts(alert.Evidence, mentionIds) is { } scrubbed)
                {
                    changed.Add((reader.GetString(0), reader.GetString(1), AlertJson.Serialize(alert with { Evidence = scrubbed })));
                }
            }
        }

        foreach (var (id, _, payload) in changed)
        {
            await using var update = connection.Command("UPDATE alerts SET payload = @payload WHERE alert_id = @id");
            update.Parameter("payload", payload);
            update.Parameter("id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return [.. changed.Select(c => c.Topic).Distinct(StringComparer.Ordinal)];
    }
}
