namespace ReputationEngine.LoadTests.Alerts;

/// <summary>
/// Which alert kinds (DESIGN §4.4) answer a burst. The four detectors of unusual traffic do; <c>slaBreach</c> does
/// not: the CRM rule raises it when a customer really waited past the topic's response SLA, and the harness injects
/// no SLA scenario, so such an alert is neither a detection nor a false alert. It is reported on its own.
/// </summary>
public static class AlertKinds
{
    public const string VolumeSpike = "volumeSpike";
    public const string NegativeSpike = "negativeSpike";
    public const string ViralConversation = "viralConversation";
    public const string InfluencerComplaint = "influencerComplaint";
    public const string SlaBreach = "slaBreach";

    /// <summary>The kinds a burst can explain: only these detect bursts or count as false alerts.</summary>
    public static IReadOnlyList<string> BurstDetectors { get; } = [VolumeSpike, NegativeSpike, ViralConversation, InfluencerComplaint];

    public static bool IsBurstDetector(string kind) => BurstDetectors.Contains(kind, StringComparer.Ordinal);
}
