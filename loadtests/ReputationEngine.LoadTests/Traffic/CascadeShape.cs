using System.Globalization;

namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// A real retweet cascade (shared/data/cascades: first line <c>&lt;total shares&gt; &lt;start day&gt;</c>, then
/// <c>&lt;seconds since post&gt; &lt;followers of sharer&gt;</c> per share, the first being the original post).
/// </summary>
public sealed record CascadeShape(string Name, double[] Seconds, long[] Followers)
{
    /// <summary>Replays squeeze the cascade so this quantile of its shares lands at the end of the burst.</summary>
    public const double ReplayQuantile = 0.9;

    public static CascadeShape Parse(string name, IEnumerable<string> lines)
    {
        var seconds = new List<double>();
        var followers = new List<long>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var at)
                || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            seconds.Add(at);
            followers.Add(count);
        }

        return new CascadeShape(name, [.. seconds], [.. followers]);
    }

    /// <summary>The cascade as burst events: the original post, then shares of it, at most <paramref name="maxSize"/>.</summary>
    public CascadeEvent[] ToEvents(int maxSize, string authorPrefix)
    {
        var order = Enumerable.Range(0, Seconds.Length).OrderBy(i => Seconds[i]).ToArray();
        var horizon = Math.Max(Seconds[order[(int)((order.Length - 1) * ReplayQuantile)]], 1);
        var events = new List<CascadeEvent>(Math.Min(maxSize, order.Length));
        foreach (var i in order)
        {
            var at = Seconds[i] / horizon;
            if (at > 1 || events.Count >= maxSize)
            {
                break;
            }

            var kind = events.Count == 0 ? MentionKinds.Post : MentionKinds.Share;
            events.Add(new CascadeEvent(at, events.Count == 0 ? -1 : 0, kind, $"{authorPrefix}{events.Count}", Followers[i]));
        }

        return [.. events];
    }
}
