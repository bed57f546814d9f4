namespace ReputationEngine.Analytics.Detection;

/// <summary>Kinds of alert a topic can have open (at most one of each at a time).</summary>
public enum AlertKind : byte
{
    VolumeSpike = 0,
    NegativeSpike = 1,
    ViralConversation = 2,
    InfluencerComplaint = 3,

    /// <summary>Raised by the CRM side (first-response deadlines), not by <see cref="TopicDetector"/>.</summary>
    SlaBreach = 4,
}
