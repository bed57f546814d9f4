namespace ReputationEngine.Server.Ingest;

/// <summary>
/// Which grains an apply reaches. The dispatcher runs two lanes over the same log: <see cref="Topics"/> (detection and the
/// topic dashboards, cheap per mention) ahead of <see cref="Cases"/> (customers and conversations, the social CRM, most of
/// the cost), so a burst is detected while the CRM catches up behind it. Takeovers and rewinds apply <see cref="All"/>.
/// </summary>
public enum IngestLane
{
    All,
    Topics,
    Cases,
}
