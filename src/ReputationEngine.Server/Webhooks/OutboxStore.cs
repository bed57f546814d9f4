using System.Data.Common;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// The outbox and escalation schedule as the delivery worker and the API use them. Rows are claimed with one
/// atomic <c>UPDATE … RETURNING</c> that sets <c>claimed_until</c>, so several silos can run workers side by side.
/// </summary>
public sealed class OutboxStore(IEngineDatabase database, IOptions<WebhookOptions> options, [FromKeyedServices(WebhookOptions.ClockKey)] TimeProvider time)
{
    public const int MaxListLimit = 1_000;
    public const int MaxErrorLength = 500;
    public const int ClaimToAttemptRatio = 2;

    private const string DeliveryColumns =
        "delivery_id, webhook_id, alert_id, event, state, attempts, enqueued_at, next_attempt_at, first_attempt_at, completed_at, last_error";

    private readonly WebhookOptions _options = options.Value;

    // A claim must outlast an attempt, or another silo could take a row still in flight and deliver it twice.
    private readonly long _claimMilliseconds = (long)Math.Max(
        options.Value.ClaimDuration.TotalMilliseconds, options.Value.AttemptTimeout.TotalMilliseconds * ClaimToAttemptRatio);

    /// <summary>Webhooks that have deliveries due and unclaimed.</summary>
    public async Task<IReadOnlyList<string>> DueEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT DISTINCT webhook_id FROM webhook_deliveries
            WHERE state = @pending AND next_attempt_at <= @now AND claimed_until <= @now
            """);
        command.Parameter("pending", nameof(DeliveryState.Pending));
        command.Parameter("now", Now());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Claims up to <paramref name="limit"/> due deliveries of one webhook, oldest first.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string webhookId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command("""
            UPDATE webhook_deliveries SET claimed_until = @until
            WHERE delivery_id IN (
                SELECT delivery_id FROM webhook_deliveries
                WHERE webhook_id = @hook AND state = @pending AND next_attempt_at <= @now AND claimed_until <= @now
                ORDER BY next_attempt_at LIMIT @limit)
              AND state = @pending AND claimed_until <= @now
            RETURNING delivery_id, webhook_id, event, payload, attempts, enqueued_at
            """);
        var now = Now();
        command.Parameter("until", now + _claimMilliseconds);
        command.Parameter("hook", webhookId);
        command.Parameter("pending", nameof(DeliveryState.Pending));
        command.Parameter("now", now);
        command.Parameter("limit", limit);
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3),
                reader.GetInt32(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return claimed;
    }

    /// <summary>Records an attempt's outcome: delivered, retry at <paramref name="nextAttemptAt"/>, or dead-lettered.</summary>
    public async Task CompleteAttemptAsync(
        string deliveryId, DeliveryState state, int attempts, DateTimeOffset attemptedAt, DateTimeOffset nextAttemptAt, string? error)
    {
        await using var connection = await database.OpenForWriteAsync();
        await using var command = connection.Command("""
            UPDATE webhook_deliveries SET state = @state, attempts = @attempts, next_attempt_at = @next, claimed_until = 0,
                first_attempt_at = COALESCE(first_attempt_at, @attempted), completed_at = @completed, last_error = @error
            WHERE delivery_id = @id
            """);
        command.Parameter("id", deliveryId);
        command.Parameter("state", state.ToString());
        command.Parameter("attempts", attempts);
        command.Parameter("next", nextAttemptAt.ToUnixTimeMilliseconds());
        command.Parameter("attempted", attemptedAt.ToUnixTimeMilliseconds());
        command.Parameter("completed", state == DeliveryState.Pending ? null : Now());
        command.Parameter("error", error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Gives a claimed row back untouched (this silo is stopping), so the next worker takes it at once.</summary>
    public async Task ReleaseAsync(string deliveryId)
    {
        await using var connection = await database.OpenForWriteAsync();
        await using var command = connection.Command("UPDATE webhook_deliveries SET claimed_until = 0 WHERE delivery_id = @id AND state = @pending");
        command.Parameter("id", deliveryId);
        command.Parameter("pending", nameof(DeliveryState.Pending));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<DeliveryView>> ListAsync(string webhookId, DeliveryState? state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The state filter is added only when given: PostgreSQL cannot type a bare "@state IS NULL".
        var filter = state is null ? "" : "AND state = @state";
        await using var command = connection.Command($"""
            SELECT {DeliveryColumns} FROM webhook_deliveries
            WHERE webhook_id = @hook {filter}
            ORDER BY enqueued_at DESC LIMIT @limit
            """);
        command.Parameter("hook", webhookId);
        if (state is not null)
        {
            command.Parameter("state", state.ToString());
        }

        command.Parameter("limit", Math.Clamp(limit, 1, MaxListLimit));
        return await ReadViewsAsync(command, cancellationToken);
    }

    /// <summary>Queues a delivered or dead-lettered delivery again (same id, fresh attempt budget); null when there is none.</summary>
    public async Task<DeliveryView?> RedeliverAsync(string webhookId, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command($"""
            UPDATE webhook_deliveries SET state = @pending, attempts = 0, enqueued_at = @now, next_attempt_at = @now,
                claimed_until = 0, completed_at = NULL
            WHERE webhook_id = @hook AND delivery_id = @id
            RETURNING {DeliveryColumns}
            """);
        command.Parameter("pending", nameof(DeliveryState.Pending));
        command.Parameter("now", Now());
        command.Parameter("hook", webhookId);
        command.Parameter("id", deliveryId);
        var views = await ReadViewsAsync(command, cancellationToken);
        return views.Count == 0 ? null : views[0];
    }

    /// <summary>Claims due escalations: (alert, topic, level to escalate to).</summary>
    public async Task<IReadOnlyList<(string AlertId, string TopicId, int Level)>> ClaimEscalationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command("""
            UPDATE alert_escalations SET claimed_until = @until
            WHERE alert_id IN (
                SELECT alert_id FROM alert_escalations WHERE due_at <= @now AND claimed_until <= @now ORDER BY due_at LIMIT @limit)
              AND due_at <= @now AND claimed_until <= @now
            RETURNING alert_id, topic_id, next_level
            """);
        var now = Now();
        command.Parameter("until", now + _claimMilliseconds);
        command.Parameter("now", now);
        command.Parameter("limit", _options.EscalationBatchSize);
        var due = new List<(string, string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return due;
    }

    /// <summary>Drops a schedule row whose alert can no longer escalate (acknowledged, resolved, gone).</summary>
    public async Task DropEscalationAsync(string alertId, int level)
    {
        await using var connection = await database.OpenForWriteAsync();
        await using var command = connection.Command("DELETE FROM alert_escalations WHERE alert_id = @alert AND next_level = @level");
        command.Parameter("alert", alertId);
        command.Parameter("level", level);
        await command.ExecuteNonQueryAsync();
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task<IReadOnlyList<DeliveryView>> ReadViewsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var views = new List<DeliveryView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(new DeliveryView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<DeliveryState>(reader.GetString(4)), reader.GetInt32(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return views;
    }

    /// <summary>
    /// Privacy erasure: blanks the sample texts of these mentions in every queued, delivered or dead-lettered
    /// delivery's alert payload (a redelivery then sends the alert without them). Returns how many changed.
    /// </summary>
    public async Task<int> EraseSampleTextsAsync(IReadOnlySet<string> mentionIds, CancellationToken cancellationToken)
    {
        if (mentionIds.Count == 0)
        {
            return 0;
        }

        var changed = new List<(string Id, byte[] Payload)>();
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using (var select = connection.Command("SELECT delivery_id, payload FROM webhook_deliveries"))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var alert = AlertJson.Deserialize((byte[])reader.GetValue(1));
                if (AlertSamples.WithoutTexts(alert.Evidence, mentionIds) is { } scrubbed)
                {
                    changed.Add((reader.GetString(0), AlertJson.Serialize(alert with { Evidence = scrubbed })));
                }
            }
        }

        foreach (var (id, payload) in changed)
        {
            await using var update = connection.Command("UPDATE webhook_deliveries SET payload = @payload WHERE delivery_id = @id");
            update.Parameter("payload", payload);
            update.Parameter("id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed.Count;
    }
}
