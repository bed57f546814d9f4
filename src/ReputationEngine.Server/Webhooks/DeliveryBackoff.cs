using Microsoft.Extensions.Options;
using Polly.Contrib.WaitAndRetry;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// The durable retry schedule: Polly's decorrelated-jitter exponential backoff, capped. The delay is stored in
/// the outbox row (next attempt time), so the schedule survives restarts and any silo may make the next attempt.
/// </summary>
public sealed class DeliveryBackoff(IOptions<WebhookOptions> options)
{
    private readonly WebhookOptions _options = options.Value;

    /// <summary>Delay after the <paramref name="attempts"/>-th failed attempt (1-based).</summary>
    public TimeSpan After(int attempts)
    {
        var count = Math.Clamp(attempts, 1, _options.MaxAttempts);
        var delay = Backoff.DecorrelatedJitterBackoffV2(_options.FirstRetryDelay, count).Last();
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }
}
