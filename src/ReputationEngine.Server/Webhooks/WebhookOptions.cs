namespace ReputationEngine.Server.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: delivery limits, retry schedule and the SSRF allow-list.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Service key of the clock the outbox and escalation schedule use (the engine's TimeProvider unless replaced;
    /// tests put a FakeTimeProvider here without touching the silo's own clock).
    /// </summary>
    public const string ClockKey = "webhooks";

    /// <summary>
    /// Networks (CIDR, e.g. <c>127.0.0.0/8</c>, <c>10.1.0.0/16</c>) a webhook may reach although they are loopback,
    /// private, link-local or otherwise not public. Empty by default: only public addresses are reachable.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Attempts before a delivery is dead-lettered (state <c>failed</c>).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>A delivery still undelivered this long after it was queued is dead-lettered.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Median delay before the first retry; later retries back off exponentially with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>One attempt (connect, send, response headers) is abandoned after this long.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight to one endpoint at a time; the others wait in the outbox.</summary>
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>Failure ratio in <see cref="BreakerSamplingDuration"/> that opens an endpoint's circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 4;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a silo owns claimed rows; a silo that dies releases them when this passes.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Idle polling period of the outbox (new rows also wake the worker at once on this silo).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Escalations claimed per poll.</summary>
    public int EscalationBatchSize { get; set; } = 50;
}
