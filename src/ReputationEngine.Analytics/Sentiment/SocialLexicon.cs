namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Hand-written valences (VADER scale, −4..+4) for social and customer-care words the VADER
/// lexicon lacks: slang praise and service complaints (outages, billing, delivery, apps).
/// Used only while training, like the VADER terms: as lexicon features (folded into the
/// weights) and as one-word examples. Terms VADER already rates are not listed.
/// </summary>
public static class SocialLexicon
{
    public static IReadOnlyList<(string Term, float Valence)> Terms { get; } =
    [
        // Praise.
        ("legend", 2.0f), ("banger", 2.0f), ("props", 1.5f), ("shoutout", 1.5f), ("kudos", 2.0f), ("sorted", 1.0f),
        ("fixed", 1.0f), ("gamechanger", 2.0f), ("underrated", 1.5f), ("hyped", 1.5f), ("stoked", 2.0f),
        ("seamless", 2.0f), ("effortless", 1.5f), ("speedy", 1.5f), ("legendary", 2.5f), ("smooth", 1.5f),

        // Service failures.
        ("outage", -2.0f), ("outages", -2.0f), ("downtime", -1.5f), ("unplayable", -2.5f), ("glitchy", -2.0f),
        ("bricked", -2.5f), ("buffering", -1.5f), ("disconnects", -1.5f), ("throttled", -1.5f), ("throttling", -1.5f),
        ("overcharged", -2.5f), ("overcharging", -2.5f), ("scammed", -2.5f), ("cashgrab", -2.5f), ("paywall", -1.0f),
        ("canceled", -1.0f), ("rescheduled", -1.0f), ("stranded", -2.0f), ("overbooked", -1.5f), ("understaffed", -1.5f),
        ("ghosted", -2.0f), ("unanswered", -1.5f), ("gutted", -2.0f), ("shambolic", -2.5f), ("clown", -1.5f),
        ("clowns", -1.5f), ("yikes", -1.5f), ("unreliable", -2.0f),
    ];
}
