namespace ReputationEngine.Analytics.Crm;

public enum SentimentTrend : byte
{
    Stable = 0,
    Improving = 1,
    Worsening = 2,
}
