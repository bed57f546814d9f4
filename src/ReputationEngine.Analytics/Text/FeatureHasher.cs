namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Stable 32-bit hashing of feature names (FNV-1a plus a final avalanche). Stable across
/// processes and .NET versions, unlike <see cref="string.GetHashCode()"/>, because trained
/// weights are stored by hash.
/// </summary>
public static class FeatureHasher
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        var h = Start(seed);
        foreach (var c in text)
        {
            h = Step(h, c);
        }

        return Avalanche(h);
    }

    /// <summary>Incremental form of <see cref="Hash"/>: <c>Finish(Step(…Step(Start(seed), c0)…, cn))</c> equals <c>Hash(c0..cn, seed)</c>.</summary>
    public static uint Start(uint seed) => OffsetBasis ^ seed;

    public static uint Step(uint state, char c) => (state ^ c) * Prime;

    public static uint Finish(uint state) => Avalanche(state);

    public static uint Combine(uint first, uint second, uint seed) =>
        Avalanche((first * 0x9E3779B1u) ^ second ^ (seed * 0x85EBCA6Bu));

    private static uint Avalanche(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
