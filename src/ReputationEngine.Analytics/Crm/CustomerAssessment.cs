namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// A customer's segment with the reasons a person can read, the sentiment trend (recent week against the
/// history before it), and a risk score (0..1) for ranking customers who need attention first.
/// </summary>
public sealed record CustomerAssessment(
    Segment Segment,
    IReadOnlyList<string> Reasons,
    SentimentTrend Trend,
    double TrendDelta,
    double Risk,
    int NegativeLastDay,
    int NegativeLastWeek,
    int PositiveLastMonth);
