namespace ReputationEngine.Analytics.Sentiment;

/// <summary>The three sentiment classes, in the order of the model's probability outputs.</summary>
public enum SentimentClass : byte
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}
