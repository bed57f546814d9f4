namespace ReputationEngine.Analytics.Sentiment;

/// <summary>How a closed-class word changes its neighbours' sentiment.</summary>
public enum WordRole : byte
{
    None,
    Negator,
    Intensifier,
    Dampener,
    Contrast,
}
