namespace ReputationEngine.Abstractions.Mentions;

[GenerateSerializer]
public enum SentimentLabel : byte
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}
