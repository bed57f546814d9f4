using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// Delivers the outbox and runs the escalation schedule. Each poll claims due escalations and, per webhook,
/// at most as many due deliveries as that webhook has free slots (<see cref="WebhookOptions.MaxConcurrencyPerEndpoint"/>);
/// attempts run concurrently, so a slow endpoint only ever holds its own slots. Every silo may run one.
/// </summary>
public sealed class WebhookDeliveryWorker(
    OutboxStore outbox, WebhookStore webhooks, WebhookSender sender, DeliveryBackoff backoff, OutboxSignal signal,
    IGrainFactory grains, IOptions<WebhookOptions> options, [FromKeyedServices(WebhookOptions.ClockKey)] TimeProvider time, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private readonly WebhookOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _attempts = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EscalateDueAsync(stoppingToken);
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook outbox poll failed; retrying");
            }

            try
            {
                // Poll period is wall-clock pacing only; whether a row is due is decided with the injected TimeProvider.
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_attempts.Keys);
    }

    private async Task EscalateDueAsync(CancellationToken cancellationToken)
    {
        foreach (var (alertId, topicId, level) in await outbox.ClaimEscalationsAsync(cancellationToken))
        {
            // The topic grain decides: an acknowledged or resolved alert does not escalate. When it does, the ledger
            // queues the alert.escalated deliveries and schedules the next level in the same transaction.
            try
            {
                var escalated = await grains.GetGrain<IBrandTopicGrain>(topicId).EscalateAlertAsync(alertId, level);
                if (escalated is null)
                {
                    await outbox.DropEscalationAsync(alertId, level);
                }
                else
                {
                    logger.LogInformation("Alert {AlertId} escalated to level {Level}", alertId, level);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The claim runs out and the escalation is tried again; one failing topic does not stop the others.
                logger.LogWarning(ex, "Escalating alert {AlertId} to level {Level} failed", alertId, level);
            }
        }
    }

    private async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        foreach (var webhookId in await outbox.DueEndpointsAsync(cancellationToken))
        {
            var free = _options.MaxConcurrencyPerEndpoint - _inFlight.GetValueOrDefault(webhookId);
            if (free <= 0)
            {
                continue;
            }

            foreach (var delivery in await outbox.ClaimAsync(webhookId, free, cancellationToken))
            {
                _inFlight.AddOrUpdate(webhookId, 1, (_, n) => n + 1);
                var attempt = Task.Run(() => AttemptAsync(delivery, cancellationToken), CancellationToken.None);
                _attempts.TryAdd(attempt, true);
                _ = attempt.ContinueWith(t => _attempts.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
    }

    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var hook = await webhooks.GetAsync(delivery.WebhookId, CancellationToken.None);
            var attemptedAt = time.GetUtcNow();
            var error = hook is null ? "webhook deleted" : await sender.SendAsync(hook, delivery, stoppingToken);
            var attempts = delivery.Attempts + 1;
            var now = time.GetUtcNow();
            var state = error is null ? DeliveryState.Delivered
                : hook is null || attempts >= _options.MaxAttempts || now - delivery.EnqueuedAt >= _options.MaxAge ? DeliveryState.Failed
                : DeliveryState.Pending;
            if (state == DeliveryState.Failed)
            {
                logger.LogWarning("Webhook delivery {DeliveryId} to {WebhookId} dead-lettered after {Attempts} attempts: {Error}",
                    delivery.Id, delivery.WebhookId, attempts, error);
            }

            await outbox.CompleteAttemptAsync(delivery.Id, state, attempts, attemptedAt, now + backoff.After(attempts), error);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-attempt: hand the row back so the next start (or another silo) retries it at once.
            await outbox.ReleaseAsync(delivery.Id);
        }
        catch (Exception ex)
        {
            // The claim expires on its own, so the row is retried even when recording the outcome failed.
            logger.LogWarning(ex, "Webhook delivery {DeliveryId} attempt could not be recorded", delivery.Id);
        }
        finally
        {
            _inFlight.AddOrUpdate(delivery.WebhookId, 0, (_, n) => n - 1);
            signal.Notify();
        }
    }
}
