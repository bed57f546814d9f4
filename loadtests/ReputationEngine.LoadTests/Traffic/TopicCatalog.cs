namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// The run's topics: brand names, Zipf-distributed popularity (a few big brands, a long tail), and ids
/// prefixed with the run id so a run against a long-lived engine counts only its own mentions.
/// </summary>
public sealed class TopicCatalog
{
    private const double PopularityExponent = 1.0;

    private static readonly string[] Syllables = ["ac", "me", "zo", "ra", "lin", "tek", "nova", "bri", "vo", "ka", "lu", "den", "sy", "mar", "quo", "ple"];

    private readonly double[] _cumulative;

    public TopicCatalog(int count, string runId)
    {
        Ids = new string[count];
        Brands = new string[count];
        for (var i = 0; i < count; i++)
        {
            Brands[i] = BrandName(i);
            Ids[i] = $"lt-{runId}-{Brands[i]}";
        }

        _cumulative = Distributions.ZipfCumulative(count, PopularityExponent);
    }

    public string[] Ids { get; }

    public string[] Brands { get; }

    public int Count => Ids.Length;

    /// <summary>Share of baseline traffic topic <paramref name="index"/> receives.</summary>
    public double Share(int index) => _cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1]);

    public int Pick(Random rng) => Distributions.PickCumulative(rng, _cumulative);

    private static string BrandName(int index)
    {
        var a = Syllables[index % Syllables.Length];
        var b = Syllables[index / Syllables.Length % Syllables.Length];
        var suffix = index / (Syllables.Length * Syllables.Length);
        return suffix == 0 ? a + b : $"{a}{b}{suffix}";
    }
}
