namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// Authors with heavy-tailed follower counts (log-normal: most have a few hundred, a few have millions).
/// Active authors post more: picks favour low indexes.
/// </summary>
public sealed class AuthorPool
{
    public const double MedianFollowers = 180;
    public const double FollowerSigma = 2.2;
    public const long MaxFollowers = 80_000_000;

    /// <summary>Skew of author activity: larger means a few authors write most posts.</summary>
    private const double ActivitySkew = 2.5;

    /// <summary>Influencers (roots of viral complaints) come from the top of the follower distribution.</summary>
    private const int InfluencerCandidates = 64;

    private readonly long[] _followers;
    private readonly int[] _influencers;

    public AuthorPool(int count, Random rng)
    {
        _followers = new long[count];
        for (var i = 0; i < count; i++)
        {
            _followers[i] = Math.Clamp((long)Distributions.LogNormal(rng, MedianFollowers, FollowerSigma), 0, MaxFollowers);
        }

        _influencers = [.. Enumerable.Range(0, count).OrderByDescending(i => _followers[i]).Take(Math.Min(InfluencerCandidates, count))];
    }

    public int Count => _followers.Length;

    public int Pick(Random rng) => (int)(Count * Math.Pow(rng.NextDouble(), ActivitySkew));

    public int PickInfluencer(Random rng) => _influencers[rng.Next(_influencers.Length)];

    public long Followers(int author) => _followers[author];

    public static string Id(int author) => $"lt:u{author}";
}
