namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Social-text rules of <see cref="SentimentFeaturizer"/> added after model format 2. Stored in
/// the model file (format 3; older files load with <see cref="None"/>), so a model is always
/// scored with the rules it was trained with.
/// </summary>
[Flags]
public enum SocialRules
{
    None = 0,

    /// <summary>
    /// Negation exceptions and idioms: "can't wait", "can't complain", "no doubt", "not only",
    /// "never been better", "couldn't be happier", "never let me down", "can't believe",
    /// "not gonna lie"; "least" negates unless after "at"/"very".
    /// </summary>
    Idioms = 1,

    /// <summary>More emoji mapped to emoticons (🔥 💪 🤡 🥲 🙃 🤦 …) and laughter spellings folded ("hahaha" → "haha").</summary>
    Emoji = 2,

    /// <summary>Explicit sarcasm markers (🙄, 🙃, "/s", "yeah right") flip the usual sarcastic praise words.</summary>
    Sarcasm = 4,

    /// <summary>"?!" / "!?" and repeated "??" as their own cues.</summary>
    Punctuation = 8,

    /// <summary>Ratings out of ten ("10/10", "2/10") read as "excellent" (8–10) or "terrible" (0–3).</summary>
    Ratings = 16,

    /// <summary>What the shipped model was trained with.</summary>
    Default = Idioms | Emoji | Sarcasm | Punctuation | Ratings,
}
