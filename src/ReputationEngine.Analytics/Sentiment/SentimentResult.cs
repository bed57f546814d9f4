namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// One scored text: calibrated class probabilities and a polarity score in −1..1
/// (<c>positive − negative</c>).
/// </summary>
public readonly record struct SentimentResult(float Negative, float Neutral, float Positive)
{
    public float Score => Positive - Negative;

    public SentimentClass Label =>
        Negative >= Neutral && Negative >= Positive ? SentimentClass.Negative
        : Positive >= Neutral ? SentimentClass.Positive
        : SentimentClass.Neutral;

    public static SentimentResult NeutralResult { get; } = new(0f, 1f, 0f);
}
