using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Analytics.Detection;

/// <summary>Plain-data snapshot of a <see cref="ConversationActivity"/> (samples and top sharers are transient).</summary>
public sealed record ConversationActivityState(
    string Id,
    long StartedAtTicks,
    long LastSeenTicks,
    long Messages,
    long Negative,
    int[] SharesPerMinute,
    long LastMinute,
    CascadeForecasterState Forecast);
