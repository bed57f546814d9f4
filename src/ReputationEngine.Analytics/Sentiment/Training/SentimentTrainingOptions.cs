namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>Trainer settings; the defaults are what produced the shipped model.</summary>
public sealed record SentimentTrainingOptions
{
    public float L1Regularization { get; init; } = 0f;

    public float L2Regularization { get; init; } = 1f;

    public int MaximumIterations { get; init; } = 300;

    /// <summary>Weight magnitudes below this are dropped after training to keep the model file small.</summary>
    public float PruneBelow { get; init; } = 1e-4f;

    /// <summary>Weight of each one-word example made from the VADER lexicon (0 = none).</summary>
    public float LexiconExampleWeight { get; init; } = 0.3f;

    public int Seed { get; init; } = 1;

    /// <summary>Character n-grams of words and hashtags (stored in the model file).</summary>
    public CharNGramOptions CharGrams { get; init; } = CharNGramOptions.Default;

    /// <summary>Social-text rules of the featurizer (stored in the model file).</summary>
    public SocialRules Rules { get; init; } = SocialRules.Default;

    /// <summary>Add <see cref="SocialLexicon"/>'s hand-written terms to the lexicon features and one-word examples.</summary>
    public bool SocialLexicon { get; init; } = true;
}
