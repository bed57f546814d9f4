using ReputationEngine.LoadTests.Profiles;

namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// Deterministic (per seed) traffic of a profile: baseline chatter over Zipf-popular topics following the
/// daily cycle, the injected bursts (Hawkes cascades and real cascade replays), and the duplicates and invalid
/// items real feeds contain. Asked for one slice of schedule time after another, in order.
/// </summary>
public sealed class TrafficGenerator
{
    public const double ReplyShare = 0.08;
    public const double ReviewShare = 0.04;

    /// <summary>Recent items kept to be replied to or duplicated.</summary>
    private const int RecentCapacity = 4_096;

    /// <summary>Burst topics are taken from the middle of the popularity ranking: neither the biggest nor silent.</summary>
    private const int BurstTopicDivisor = 4;

    private static readonly (string Source, double Cumulative)[] Sources =
    [
        ("twitter", 0.62), ("facebook", 0.78), ("instagram", 0.88), ("forum", 0.94), ("blog", 0.97), ("news", 1.0),
    ];

    private readonly LoadProfile _profile;
    private readonly Random _rng;
    private readonly string _runId;
    private readonly DateTimeOffset _eventOrigin;
    private readonly DailyCycle _cycle;
    private readonly SyntheticMention[] _recent = new SyntheticMention[RecentCapacity];
    private readonly int[] _burstCursor;
    private int _recentCount;
    private long _sequence;
    private double _carry;

    public TrafficGenerator(LoadProfile profile, int seed, string runId, DateTimeOffset eventOrigin, IReadOnlyList<CascadeShape> replays)
    {
        _profile = profile;
        _rng = new Random(seed);
        _runId = runId;
        _eventOrigin = eventOrigin;
        _cycle = new DailyCycle(profile.DailyCycle, profile.DailyAmplitude);
        Authors = new AuthorPool(profile.Authors, _rng);
        Topics = new TopicCatalog(profile.Topics, runId);
        Bursts = PlanBursts(replays);
        _burstCursor = new int[Bursts.Count];
    }

    public AuthorPool Authors { get; }

    public TopicCatalog Topics { get; }

    public IReadOnlyList<BurstPlan> Bursts { get; }

    public long Generated => _sequence;

    public DateTimeOffset EventTime(TimeSpan scheduled) => _eventOrigin + scheduled * _profile.EventTimeScale;

    /// <summary>Appends everything scheduled in [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="output"/>.</summary>
    public void Fill(TimeSpan from, TimeSpan to, List<SyntheticMention> output)
    {
        var mid = from + (to - from) / 2;
        var expected = _profile.BaselineRatePerSec * _cycle.Multiplier(mid) * (to - from).TotalSeconds + _carry;
        var count = (int)expected;
        _carry = expected - count;
        for (var i = 0; i < count; i++)
        {
            var at = from + (to - from) * _rng.NextDouble();
            Emit(Baseline(at), output);
        }

        for (var b = 0; b < Bursts.Count; b++)
        {
            var burst = Bursts[b];
            while (_burstCursor[b] < burst.Events.Length)
            {
                var at = burst.Start + burst.Length * burst.Events[_burstCursor[b]].At;
                if (at >= to)
                {
                    break;
                }

                Emit(FromBurst(burst, _burstCursor[b]), output);
                _burstCursor[b]++;
            }
        }
    }

    /// <summary>Texts in the proportions the run sends them, for the scoring ceiling.</summary>
    public static IReadOnlyList<string> SampleTexts(int count, int seed)
    {
        var rng = new Random(seed);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var brand = $"brand{rng.Next(100)}";
            texts[i] = rng.NextDouble() < 0.7 ? TextFactory.Baseline(rng, brand) : TextFactory.Share("lt:u1", TextFactory.Complaint(rng, brand));
        }

        return texts;
    }

    private void Emit(SyntheticMention mention, List<SyntheticMention> output)
    {
        output.Add(mention);
        _recent[_recentCount++ % RecentCapacity] = mention;
        if (_rng.NextDouble() < _profile.DuplicateRate && _recentCount > 1)
        {
            var original = _recent[_rng.Next(Math.Min(_recentCount, RecentCapacity))];
            output.Add(original with { IsDuplicate = true, Burst = -1 });
        }

        if (_rng.NextDouble() < _profile.InvalidRate)
        {
            var defect = (MentionDefect)(1 + _rng.Next(Enum.GetValues<MentionDefect>().Length - 1));
            output.Add(Baseline(mention.CreatedAt - _eventOrigin) with { Defect = defect, Id = $"lt:{_runId}:x{_sequence++}" });
        }
    }

    private SyntheticMention Baseline(TimeSpan at)
    {
        var topic = Topics.Pick(_rng);
        var author = Authors.Pick(_rng);
        var id = $"lt:{_runId}:{_sequence++}";
        var draw = _rng.NextDouble();
        var mention = new SyntheticMention
        {
            Id = id,
            Source = PickSource(),
            CreatedAt = EventTime(at),
            AuthorId = AuthorPool.Id(author),
            Followers = Authors.Followers(author),
            Text = TextFactory.Baseline(_rng, Topics.Brands[topic]),
            Topic = Topics.Ids[topic],
        };
        if (draw < ReplyShare && _recentCount > 0)
        {
            var parent = _recent[_rng.Next(Math.Min(_recentCount, RecentCapacity))];
            return mention with
            {
                Kind = MentionKinds.Reply,
                Topic = parent.Topic,
                InReplyTo = parent.Id,
                ConversationId = parent.ConversationId ?? parent.Id,
            };
        }

        return draw < ReplyShare + ReviewShare ? mention with { Kind = MentionKinds.Review, Source = "review" } : mention;
    }

    private SyntheticMention FromBurst(BurstPlan burst, int index)
    {
        var e = burst.Events[index];
        var rootId = BurstId(burst, 0);
        var brand = Topics.Brands[burst.Topic];
        var rootAuthor = burst.Events[0].AuthorId;
        var text = e.Kind switch
        {
            MentionKinds.Share => TextFactory.Share(rootAuthor, burst.RootText),
            MentionKinds.Quote => TextFactory.Quote(_rng, brand, burst.RootText),
            MentionKinds.Reply => TextFactory.Reply(_rng, brand),
            _ => burst.RootText,
        };
        var parentId = e.Parent < 0 ? null : BurstId(burst, e.Parent);
        _sequence++;
        return new SyntheticMention
        {
            Id = BurstId(burst, index),
            Source = "twitter",
            CreatedAt = EventTime(burst.Start + burst.Length * e.At),
            AuthorId = e.AuthorId,
            Followers = e.Followers,
            Text = text,
            Topic = Topics.Ids[burst.Topic],
            Kind = e.Kind,
            ConversationId = index == 0 ? null : rootId,
            InReplyTo = e.Kind == MentionKinds.Reply ? parentId : null,
            SharedId = e.Kind is MentionKinds.Share or MentionKinds.Quote ? rootId : null,
            Burst = burst.Index,
        };
    }

    private string BurstId(BurstPlan burst, int index) => $"lt:{_runId}:b{burst.Index}-{index}";

    private string PickSource()
    {
        var draw = _rng.NextDouble();
        foreach (var (source, cumulative) in Sources)
        {
            if (draw < cumulative)
            {
                return source;
            }
        }

        return Sources[^1].Source;
    }

    private List<BurstPlan> PlanBursts(IReadOnlyList<CascadeShape> replays)
    {
        var total = _profile.HawkesBursts + replays.Count;
        var plans = new List<BurstPlan>(total);
        var span = _profile.Duration - _profile.Warmup - _profile.BurstLength;
        var step = total > 1 ? span / (total - 1) : TimeSpan.Zero;
        var firstTopic = Math.Min(_profile.Topics / BurstTopicDivisor, Math.Max(0, _profile.Topics - total));
        var hawkes = 0;
        var replay = 0;
        for (var i = 0; i < total; i++)
        {
            // Alternate generated and replayed cascades while both remain.
            var useHawkes = replay >= replays.Count || (hawkes < _profile.HawkesBursts && i % 2 == 0);
            var topic = Math.Min(firstTopic + i, _profile.Topics - 1);
            var brand = Topics.Brands[topic];
            var rootText = TextFactory.Complaint(_rng, brand);
            CascadeEvent[] events;
            string origin;
            if (useHawkes)
            {
                events = HawkesCascade.Generate(_rng, Authors, _profile.BurstSize);
                origin = BurstPlan.HawkesOrigin;
                hawkes++;
            }
            else
            {
                events = replays[replay].ToEvents(_profile.BurstSize, $"lt:{_runId}:r{i}-");
                origin = replays[replay].Name;
                replay++;
            }

            plans.Add(new BurstPlan(i, origin, topic, _profile.Warmup + step * i, _profile.BurstLength, events, rootText));
        }

        return plans;
    }
}
