namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// A viral complaint as a marked self-exciting (Hawkes) process, simulated by its branching structure:
/// every message triggers a Poisson number of reactions whose mean grows with the sender's audience (the
/// mark), each after a heavy-tailed (Omori power-law) delay. The root is an influential customer's complaint;
/// reactions are mostly shares, some quotes and replies, nearly all negative. Slightly supercritical, so the
/// cascade grows until it reaches the planned size; if it dies out early, another customer repeats the complaint.
/// </summary>
public static class HawkesCascade
{
    /// <summary>Mean reactions per message of a median-audience sender (above 1: the burst grows).</summary>
    public const double Branching = 1.15;

    /// <summary>How strongly audience size raises the number of reactions.</summary>
    public const double MarkExponent = 1.5;

    /// <summary>Upper bound on the mean reactions of one message, so one celebrity does not explode the queue.</summary>
    public const double MaxMeanReactions = 40;

    /// <summary>Omori kernel: delay = Scale · ((1-u)^(-1/Shape) − 1), in arbitrary units rescaled to the burst.</summary>
    public const double KernelScale = 1.0;
    public const double KernelShape = 1.5;

    /// <summary>Caps one delay so a single straggler does not stretch the whole burst.</summary>
    public const double MaxDelay = 50;

    public const double ShareProbability = 0.7;
    public const double QuoteProbability = 0.12;

    public static CascadeEvent[] Generate(Random rng, AuthorPool authors, int size)
    {
        var times = new List<double>(size);
        var events = new List<CascadeEvent>(size);
        var pending = new PriorityQueue<CascadeEvent, double>();
        var root = authors.PickInfluencer(rng);
        pending.Enqueue(new CascadeEvent(0, -1, MentionKinds.Post, AuthorPool.Id(root), authors.Followers(root)), 0);
        var now = 0.0;
        while (events.Count < size)
        {
            if (!pending.TryDequeue(out var next, out var at))
            {
                // Died out: another customer repeats the complaint, a reply in the same thread.
                var echo = authors.PickInfluencer(rng);
                at = now + Distributions.Exponential(rng, KernelScale);
                next = new CascadeEvent(0, 0, MentionKinds.Reply, AuthorPool.Id(echo), authors.Followers(echo));
            }

            now = at;
            var index = events.Count;
            events.Add(next);
            times.Add(at);
            var reactions = Distributions.Poisson(rng, MeanReactions(next.Followers));
            for (var r = 0; r < reactions; r++)
            {
                var delay = Math.Min(MaxDelay, KernelScale * (Math.Pow(1 - rng.NextDouble(), -1 / KernelShape) - 1));
                var author = authors.Pick(rng);
                var draw = rng.NextDouble();
                var kind = draw < ShareProbability ? MentionKinds.Share
                    : draw < ShareProbability + QuoteProbability ? MentionKinds.Quote
                    : MentionKinds.Reply;
                pending.Enqueue(new CascadeEvent(0, index, kind, AuthorPool.Id(author), authors.Followers(author)), at + delay);
            }
        }

        var last = Math.Max(times[^1], double.Epsilon);
        var result = new CascadeEvent[events.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = events[i] with { At = times[i] / last };
        }

        return result;
    }

    private static double MeanReactions(long followers)
    {
        var mark = Math.Log10(followers + 10) / Math.Log10(AuthorPool.MedianFollowers + 10);
        return Math.Min(MaxMeanReactions, Branching * Math.Pow(mark, MarkExponent));
    }
}
