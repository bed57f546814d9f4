namespace ReputationEngine.LoadTests.Reporting;

/// <summary>
/// The run's report (DESIGN §4.8 fields first). Rates are per wall-clock second of the sending phase; ratios
/// divide by <see cref="ScoringCeilingPerSec"/>, the bare scoring rate measured in the same run.
/// </summary>
public sealed record LoadReport
{
    public required string Profile { get; init; }
    public required double ThroughputPerSec { get; init; }
    public required long Accepted { get; init; }
    public required long? Counted { get; init; }
    public required long Lost { get; init; }
    public required LatencySummary IngestLatencyMs { get; init; }
    public required AlertLatencySummary AlertLatencyMs { get; init; }
    public required BurstSummary Bursts { get; init; }
    /// <summary>
    /// Burst-detector alerts (volumeSpike, negativeSpike, viralConversation, influencerComplaint) on the run's topics
    /// that no injected burst explains. <c>slaBreach</c> alerts are not among them: see <see cref="SlaBreaches"/>.
    /// </summary>
    public required int? FalseAlerts { get; init; }

    /// <summary>False alerts per alert kind (volumeSpike, negativeSpike, …).</summary>
    public IReadOnlyDictionary<string, int>? FalseAlertsByKind { get; init; }

    /// <summary>
    /// <c>slaBreach</c> alerts on the run's topics: raised by the CRM rule when a customer really waited past the
    /// topic's first-response SLA (the generated brands never answer). Not a burst detector, so neither a detection
    /// nor a false alert. Null while no alert channel exists.
    /// </summary>
    public int? SlaBreaches { get; init; }

    /// <summary>Alerts of the kinds that are not burst detectors (slaBreach, and any kind the harness does not know), per kind.</summary>
    public IReadOnlyDictionary<string, int>? NonBurstAlertsByKind { get; init; }
    public required double ScoringCeilingPerSec { get; init; }

    public required double ScoringCeilingSingleThreadPerSec { get; init; }

    /// <summary>The ceiling measured before and after the traffic; <see cref="ScoringCeilingPerSec"/> is their mean.</summary>
    public required double ScoringCeilingBeforePerSec { get; init; }
    public required double ScoringCeilingAfterPerSec { get; init; }

    /// <summary>CPU one text costs the bare scorer, in microseconds (one thread).</summary>
    public required double ScoringCpuMicrosPerText { get; init; }

    /// <summary>Scoring CPU per text divided by engine CPU per counted mention: the share of the engine's work that is scoring.</summary>
    public required double? CpuCeilingRatio { get; init; }
    public required double CeilingRatio { get; init; }
    public required double PeakThroughputPerSec { get; init; }
    public required double TargetRatePerSec { get; init; }
    public required double OfferedPerSec { get; init; }
    public required long Sent { get; init; }
    public required long Duplicates { get; init; }
    public required long Rejected { get; init; }
    public required long Requests { get; init; }
    public required long FailedRequests { get; init; }
    public required long? Applied { get; init; }
    public required string Target { get; init; }
    public required int Seed { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double SendSeconds { get; init; }
    public required double DrainSeconds { get; init; }
    public required int ProcessorCount { get; init; }
    public required EngineUsage Engine { get; init; }
    public required IReadOnlyDictionary<string, AlertChannelSummary> AlertChannels { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }
}
