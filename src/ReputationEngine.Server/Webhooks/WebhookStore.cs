using System.Data.Common;
using System.Text.Json;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Webhooks;

/// <summary>Webhook subscriptions and escalation policies in the engine database (portable SQL).</summary>
public sealed class WebhookStore(IEngineDatabase database, [FromKeyedServices(WebhookOptions.ClockKey)] TimeProvider time)
{
    public async Task<WebhookSubscription> AddAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var hook = new WebhookSubscription(
            "wh_" + Guid.NewGuid().ToString("N")[..16], request.Url!, request.Secret!, request.Topics ?? [],
            request.MinSeverity ?? 1, request.Events ?? [], time.GetUtcNow());
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO webhooks (webhook_id, url, secret, topics, min_severity, events, created_at)
            VALUES (@id, @url, @secret, @topics, @severity, @events, @created)
            """);
        command.Parameter("id", hook.Id);
        command.Parameter("url", hook.Url);
        command.Parameter("secret", hook.Secret);
        command.Parameter("topics", JsonSerializer.Serialize(hook.Topics));
        command.Parameter("severity", hook.MinSeverity);
        command.Parameter("events", JsonSerializer.Serialize(hook.Events));
        command.Parameter("created", hook.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return hook;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, cancellationToken);
    }

    /// <summary>All subscriptions, read on the caller's connection (the ledger reads them inside its transaction).</summary>
    public static async Task<IReadOnlyList<WebhookSubscription>> ListAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT webhook_id, url, secret, topics, min_severity, events, created_at FROM webhooks ORDER BY created_at", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hooks = new List<WebhookSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hooks.Add(new WebhookSubscription(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
                reader.GetInt32(4), JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return hooks;
    }

    public async Task<WebhookSubscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(h => h.Id == id);

    /// <summary>Removes the webhook and its outbox rows; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var deliveries = connection.Command("DELETE FROM webhook_deliveries WHERE webhook_id = @id", transaction);
        deliveries.Parameter("id", id);
        await deliveries.ExecuteNonQueryAsync(cancellationToken);
        await using var hook = connection.Command("DELETE FROM webhooks WHERE webhook_id = @id", transaction);
        hook.Parameter("id", id);
        var removed = await hook.ExecuteNonQueryAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task SetPolicyAsync(string topicId, EscalationPolicy? policy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = policy is null
            ? connection.Command("DELETE FROM escalation_policies WHERE topic_id = @topic")
            : connection.Command("""
                INSERT INTO escalation_policies (topic_id, levels, updated_at) VALUES (@topic, @levels, @updated)
                ON CONFLICT (topic_id) DO UPDATE SET levels = excluded.levels, updated_at = excluded.updated_at
                """);
        command.Parameter("topic", topicId);
        if (policy is not null)
        {
            command.Parameter("levels", JsonSerializer.Serialize(policy.Levels, JsonSerializerOptions.Web));
            command.Parameter("updated", time.GetUtcNow().ToUnixTimeMilliseconds());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<EscalationPolicy?> GetPolicyAsync(string topicId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetPolicyAsync(connection, null, topicId, cancellationToken);
    }

    public static async Task<EscalationPolicy?> GetPolicyAsync(DbConnection connection, DbTransaction? transaction, string topicId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT levels FROM escalation_policies WHERE topic_id = @topic", transaction);
        command.Parameter("topic", topicId);
        return await command.ExecuteScalarAsync(cancellationToken) is string levels
            ? new EscalationPolicy(JsonSerializer.Deserialize<EscalationLevel[]>(levels, JsonSerializerOptions.Web) ?? [])
            : null;
    }
}
