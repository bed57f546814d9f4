using System.Globalization;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// Segments a customer from their bounded sentiment history. Windows end at <c>asOf</c> (the engine passes
/// the customer's latest event time, so replayed history segments the same way as live traffic).
/// <list type="bullet">
/// <item><b>atRisk</b>: at least <see cref="AtRiskNegativeLastDay"/> negative mentions in 24 h from a customer
/// worth keeping: one who was positive before, or whose influence is high.</item>
/// <item><b>detractor</b>: at least <see cref="DetractorNegativeLastWeek"/> negative mentions in 7 days and a running
/// sentiment at or below <see cref="DetractorMaxSentiment"/>.</item>
/// <item><b>advocate</b>: at least <see cref="AdvocatePositiveLastMonth"/> positive mentions in 30 days, a running
/// sentiment at or above <see cref="AdvocateMinSentiment"/> and no negative mention in 7 days.</item>
/// <item><b>neutral</b>: everyone else.</item>
/// </list>
/// Risk = negativity × (0.5 + 0.5 × influence), negativity = max(min(1, negatives in 7 d / 5), −sentiment):
/// an angry influential customer is 1, an angry unknown 0.5, a happy one 0.
/// </summary>
public static class CustomerSegmentation
{
    public const int AtRiskNegativeLastDay = 2;
    public const int DetractorNegativeLastWeek = 3;
    public const double DetractorMaxSentiment = -0.25;
    public const int AdvocatePositiveLastMonth = 2;
    public const double AdvocateMinSentiment = 0.3;

    /// <summary>Negative mentions in 7 days that make negativity 1 in the risk score.</summary>
    public const int RiskNegativeSaturation = 5;

    /// <summary>A change of mean sentiment (recent week against before) beyond this is a trend.</summary>
    public const double TrendThreshold = 0.2;

    public static readonly TimeSpan Day = TimeSpan.FromDays(1);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan Month = TimeSpan.FromDays(30);

    /// <param name="history">The customer's scored mentions, any order.</param>
    /// <param name="runningSentiment">The customer's running (EWMA) sentiment, −1..1.</param>
    /// <param name="influence">The customer's influence, 0..1 (<see cref="InfluenceModel"/>).</param>
    /// <param name="asOf">Where the windows end.</param>
    public static CustomerAssessment Assess(IReadOnlyList<SentimentEvent> history, double runningSentiment, double influence, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        int negativeDay = 0, negativeWeek = 0, positiveMonth = 0, recentCount = 0, earlierCount = 0;
        double recentSum = 0, earlierSum = 0;
        DateTimeOffset? firstNegativeToday = null;
        foreach (var e in history)
        {
            var age = asOf - e.At;
            var inDay = age < Day;
            var inWeek = age < Week;
            if (e.Label == SentimentClass.Negative)
            {
                negativeDay += inDay ? 1 : 0;
                negativeWeek += inWeek ? 1 : 0;
                if (inDay && (firstNegativeToday is null || e.At < firstNegativeToday))
                {
                    firstNegativeToday = e.At;
                }
            }
            else if (e.Label == SentimentClass.Positive && age < Month)
            {
                positiveMonth++;
            }

            if (inWeek)
            {
                recentSum += e.Score;
                recentCount++;
            }
            else
            {
                earlierSum += e.Score;
                earlierCount++;
            }
        }

        var positiveBefore = firstNegativeToday is { } since ? history.Count(e => e.Label == SentimentClass.Positive && e.At < since) : 0;
        var (trend, delta) = Trend(recentSum, recentCount, earlierSum, earlierCount);
        var negativity = Math.Max(Math.Min(1.0, (double)negativeWeek / RiskNegativeSaturation), Math.Max(0, -runningSentiment));
        var risk = Math.Clamp(negativity * (0.5 + (0.5 * Math.Clamp(influence, 0, 1))), 0, 1);
        var highInfluence = influence >= InfluenceModel.HighInfluence;

        var reasons = new List<string>();
        Segment segment;
        if (negativeDay >= AtRiskNegativeLastDay && (positiveBefore > 0 || highInfluence))
        {
            segment = Segment.AtRisk;
            reasons.Add(Count(negativeDay, "negative mention") + " in 24 h");
            if (positiveBefore > 0)
            {
                reasons.Add($"was positive before ({Count(positiveBefore, "positive mention")})");
            }

            if (highInfluence)
            {
                reasons.Add(InfluenceReason(influence));
            }
        }
        else if (negativeWeek >= DetractorNegativeLastWeek && runningSentiment <= DetractorMaxSentiment)
        {
            segment = Segment.Detractor;
            reasons.Add(Count(negativeWeek, "negative mention") + " in 7 days");
            reasons.Add($"running sentiment {Signed(runningSentiment)}");
        }
        else if (positiveMonth >= AdvocatePositiveLastMonth && runningSentiment >= AdvocateMinSentiment && negativeWeek == 0)
        {
            segment = Segment.Advocate;
            reasons.Add(Count(positiveMonth, "positive mention") + " in 30 days");
            reasons.Add($"running sentiment {Signed(runningSentiment)}");
            reasons.Add("no negative mention in 7 days");
        }
        else
        {
            segment = Segment.Neutral;
            reasons.Add($"no strong pattern: {Count(negativeWeek, "negative mention")} in 7 days, running sentiment {Signed(runningSentiment)}");
        }

        if (trend != SentimentTrend.Stable)
        {
            reasons.Add($"sentiment {(trend == SentimentTrend.Improving ? "improving" : "worsening")} ({Signed(delta)} this week)");
        }

        if (segment != Segment.AtRisk && highInfluence)
        {
            reasons.Add(InfluenceReason(influence));
        }

        return new CustomerAssessment(segment, reasons, trend, delta, risk, negativeDay, negativeWeek, positiveMonth);
    }

    private static (SentimentTrend Trend, double Delta) Trend(double recentSum, int recentCount, double earlierSum, int earlierCount)
    {
        if (recentCount == 0 || earlierCount == 0)
        {
            return (SentimentTrend.Stable, 0);
        }

        var delta = (recentSum / recentCount) - (earlierSum / earlierCount);
        return delta >= TrendThreshold ? (SentimentTrend.Improving, delta)
            : delta <= -TrendThreshold ? (SentimentTrend.Worsening, delta)
            : (SentimentTrend.Stable, delta);
    }

    private static string InfluenceReason(double influence) =>
        $"high influence ({influence.ToString("0.00", CultureInfo.InvariantCulture)})";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
