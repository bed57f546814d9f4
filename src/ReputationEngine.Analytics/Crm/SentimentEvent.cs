using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Crm;

/// <summary>One scored mention in a customer's history (no text: history outlives erasure).</summary>
public readonly record struct SentimentEvent(DateTimeOffset At, SentimentClass Label, float Score);
