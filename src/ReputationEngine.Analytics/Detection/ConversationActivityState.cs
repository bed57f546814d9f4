using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Analytics.Detection;

/// <summary>Plain-data snapshot of a <see cref="ConversationActivity"/> (samples and top sharers are transient).</summary>
/// <remarks>
/// <see cref="ViralEndedTicks"/> (when the topic's viral alert about this conversation ended; 0 = never) is absent from state
/// saved before it: such a conversation may be alerted on again by its forecast once.
/// <see cref="SharesPerMinute"/> is null when the velocity window holds no shares (most tracked conversations are replies
/// without shares; the topic writes hundreds of them at every checkpoint).
/// </remarks>
public sealed record ConversationActivityState(
    string Id,
    long StartedAtTicks,
    long LastSeenTicks,
    long Messages,
    long Negative,
    int[]? SharesPerMinute,
    long LastMinute,
    CascadeForecasterState Forecast,
    long ViralEndedTicks = 0);
