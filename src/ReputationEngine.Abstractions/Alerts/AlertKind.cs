namespace ReputationEngine.Abstractions.Alerts;

[GenerateSerializer]
public enum AlertKind : byte
{
    VolumeSpike = 0,
    NegativeSpike = 1,
    ViralConversation = 2,
    InfluencerComplaint = 3,
    SlaBreach = 4,
}
