namespace ReputationEngine.Analytics.Windows;

/// <summary>Counts of one event-time bucket. A mutable struct so rings update in place without allocating.</summary>
public struct BucketTotals
{
    public int Mentions;
    public int Positive;
    public int Neutral;
    public int Negative;
    public double SentimentSum;
    public long Reach;

    public readonly double AverageSentiment => Mentions == 0 ? 0 : SentimentSum / Mentions;

    public void Add(in BucketTotals other)
    {
        Mentions += other.Mentions;
        Positive += other.Positive;
        Neutral += other.Neutral;
        Negative += other.Negative;
        SentimentSum += other.SentimentSum;
        Reach += other.Reach;
    }

    /// <summary>One mention's contribution; <paramref name="sentimentClass"/> is 0 negative, 1 neutral, 2 positive.</summary>
    public static BucketTotals ForMention(int sentimentClass, double score, long reach) => new()
    {
        Mentions = 1,
        Negative = sentimentClass == 0 ? 1 : 0,
        Neutral = sentimentClass == 1 ? 1 : 0,
        Positive = sentimentClass == 2 ? 1 : 0,
        SentimentSum = score,
        Reach = reach,
    };
}
