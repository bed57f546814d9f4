using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Tests.Crm;

public sealed class CustomerSegmentationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private static SentimentEvent Negative(double hoursAgo) => new(Now.AddHours(-hoursAgo), SentimentClass.Negative, -0.8f);

    private static SentimentEvent Positive(double hoursAgo) => new(Now.AddHours(-hoursAgo), SentimentClass.Positive, 0.8f);

    [Fact]
    public void Assess_FourComplaintsInADay_IsDetractorWithReasons()
    {
        SentimentEvent[] history = [Negative(20), Negative(10), Negative(5), Negative(0)];

        var result = CustomerSegmentation.Assess(history, -0.8, 0.2, Now);

        Assert.Equal(Segment.Detractor, result.Segment);
        Assert.Contains("4 negative mentions in 7 days", result.Reasons);
        Assert.Contains(result.Reasons, r => r.StartsWith("running sentiment -0.80", StringComparison.Ordinal));
        Assert.Equal(4, result.NegativeLastDay);
    }

    [Fact]
    public void Assess_FormerFanComplainingToday_IsAtRisk()
    {
        SentimentEvent[] history = [Positive(24 * 20), Positive(24 * 12), Negative(3), Negative(1)];

        var result = CustomerSegmentation.Assess(history, -0.3, 0.1, Now);

        Assert.Equal(Segment.AtRisk, result.Segment);
        Assert.Contains("2 negative mentions in 24 h", result.Reasons);
        Assert.Contains("was positive before (2 positive mentions)", result.Reasons);
        Assert.Equal(SentimentTrend.Worsening, result.Trend);
    }

    [Fact]
    public void Assess_InfluentialComplainer_IsAtRiskAndSaysSo()
    {
        SentimentEvent[] history = [Negative(2), Negative(1)];

        var result = CustomerSegmentation.Assess(history, -0.8, 0.7, Now);

        Assert.Equal(Segment.AtRisk, result.Segment);
        Assert.Contains("high influence (0.70)", result.Reasons);
    }

    [Fact]
    public void Assess_RegularPraise_IsAdvocate()
    {
        SentimentEvent[] history = [Positive(24 * 10), Positive(24 * 2), Positive(1)];

        var result = CustomerSegmentation.Assess(history, 0.7, 0.1, Now);

        Assert.Equal(Segment.Advocate, result.Segment);
        Assert.Contains("3 positive mentions in 30 days", result.Reasons);
    }

    [Fact]
    public void Assess_OldComplaintsOutsideWindows_IsNeutral()
    {
        SentimentEvent[] history = [Negative(24 * 20), Negative(24 * 19), Negative(24 * 18)];

        var result = CustomerSegmentation.Assess(history, -0.8, 0.1, Now);

        Assert.Equal(Segment.Neutral, result.Segment);
        Assert.Single(result.Reasons);
    }

    [Fact]
    public void Assess_Risk_GrowsWithInfluence()
    {
        SentimentEvent[] history = [Negative(30), Negative(20), Negative(10), Negative(5), Negative(1)];

        var unknown = CustomerSegmentation.Assess(history, -0.9, 0, Now);
        var famous = CustomerSegmentation.Assess(history, -0.9, 1, Now);

        Assert.Equal(0.5, unknown.Risk, 6);
        Assert.Equal(1.0, famous.Risk, 6);
    }
}
