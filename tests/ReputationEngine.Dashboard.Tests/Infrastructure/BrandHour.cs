using System.Text.Json.Nodes;

namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>
/// An hour of believable traffic about one bank, for the topic-view screenshot (docs/dashboard.png): named customers
/// with heavy-tailed audiences, steady chatter that breathes, an app outage about ten minutes ago with a thread that
/// spreads and a brand reply, a praised feature shared by a finance podcaster, and regulars who were happy before the
/// outage and complained twice during it (customers at risk). Deterministic (fixed seed), event times relative to
/// <c>now</c>. <see cref="InfluencerComplaint"/> is the live part: a columnist with half a million followers
/// complains and is shared, which the detector reports while the view is open.
/// </summary>
public sealed class BrandHour
{
    public const int Minutes = 60;
    public const string BrandHandle = "tw:acmebank";
    public const string OutageThread = "tw:1860412000000000101";
    public const string PraiseThread = "tw:1860412000000000102";
    public const string ComplaintThread = "tw:1860412000000000103";

    private static readonly string[] FirstNames =
    [
        "Maya", "Dan", "Lena", "Tom", "Aisha", "Jonas", "Sofia", "Ravi", "Grace", "Mateo", "Hannah", "Kofi", "Elena", "Sam",
        "Yuki", "Nora", "Omar", "Chloe", "Ben", "Ines", "Leo", "Zara", "Felix", "Amara", "Ivan", "Rosa", "Ethan", "Mia",
    ];

    private static readonly string[] LastNames =
    [
        "Chen", "Okafor", "Fischer", "Walsh", "Khan", "Berg", "Rossi", "Patel", "Kim", "Silva", "Novak", "Mensah", "Garcia",
        "Reid", "Tanaka", "Quinn", "Haddad", "Martin", "Cole", "Duarte", "Moreau", "Ali", "Brandt", "Obi", "Petrov", "Lopez",
    ];

    private static readonly string[] Positive =
    [
        "Really impressed with Acme Bank today, support sorted my card in five minutes. Great service!",
        "The new Acme Bank app update is excellent, so much faster. Love it",
        "Shout out to Acme Bank for the quick refund, thank you!",
        "Happy Acme Bank customer for six years, never had a problem. Wonderful people at the Elm St branch.",
        "Acme Bank savings pots are brilliant, finally saving every month. Great feature",
    ];

    private static readonly string[] Neutral =
    [
        "Does anyone know when Acme Bank opens on Saturdays?",
        "Moving my savings to Acme Bank next month, any tips?",
        "Acme Bank announced new opening hours for the holidays.",
        "Reading the Acme Bank terms before I open a joint account.",
        "Is the Acme Bank mortgage calculator using the new rates?",
    ];

    private static readonly string[] Negative =
    [
        "Waited an hour on the phone with Acme Bank and nobody answered. Terrible.",
        "Acme Bank charged me twice this month and support is useless. Awful experience.",
        "Still no refund from Acme Bank after three weeks, worst service ever.",
    ];

    private static readonly string[] Outage =
    [
        "Acme Bank app down again, I can't log in at all. So frustrating and bad.",
        "Can't pay my rent because the Acme Bank app is broken. Awful timing, terrible bank.",
        "Acme Bank login failing for everyone? Error after error, useless.",
        "Card declined at the supermarket, Acme Bank outage is a disaster. Embarrassing and awful.",
    ];

    private static readonly string[] OutageReplies =
    [
        "Same here, Acme Bank app is dead. Terrible.",
        "Third time this month. Awful, Acme Bank needs to fix this now.",
        "Unbelievable, cancelling my Acme Bank account today.",
    ];

    private readonly Random _random = new(2026);
    private readonly DateTimeOffset _now;
    private readonly string _topic;
    private readonly List<Person> _regulars;
    private readonly List<JsonObject> _history = [];
    private int _next;

    private static readonly Person Brand = new(BrandHandle, "Acme Bank", 250_000, IsBrand: true);
    private static readonly Person Reporter = new("tw:dan_okafor", "Dan Okafor", 3_400);
    private static readonly Person Podcaster = new("tw:lena_money", "Lena Fischer · Money Talk", 95_000);
    private static readonly Person Analyst = new("tw:marcus_fintech", "Marcus Doyle", 41_000);
    private static readonly Person Columnist = new("tw:priya_raman", "Priya Raman", 480_000);

    public BrandHour(string topic, DateTimeOffset now)
    {
        _topic = topic;
        _now = now;
        _regulars = [.. Enumerable.Range(0, 48).Select(i =>
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7 + 3) % LastNames.Length];
            // Log-uniform audiences, 60 to 8 000 followers: most people are small.
            var followers = (long)Math.Round(60 * Math.Pow(8_000.0 / 60, _random.NextDouble()));
            return new Person($"tw:{first.ToLowerInvariant()}_{last.ToLowerInvariant()}", $"{first} {last}", followers);
        })];
        Build();
    }

    /// <summary>Everything before the view opens, in event-time order.</summary>
    public IReadOnlyList<JsonObject> History => _history;

    /// <summary>The history as it would have arrived live: one batch per minute of event time, oldest first.</summary>
    public IEnumerable<JsonObject[]> HistoryByMinute() =>
        _history.GroupBy(m => ((string)m["createdAt"]!)[..16], StringComparer.Ordinal).Select(g => g.ToArray());

    /// <summary>Happy earlier, two complaints during the outage: the detector's "customers at risk".</summary>
    public IEnumerable<Person> AtRisk => _regulars.Take(6);

    /// <summary>The live part: a columnist's complaint in the current minute and the shares it gets.</summary>
    public IReadOnlyList<JsonObject> InfluencerComplaint()
    {
        var mentions = new List<JsonObject>
        {
            Mention(ComplaintThread, Columnist, "Locked out of my Acme Bank account for an hour and support just hung up on me. Awful, not good enough.",
                _now.AddSeconds(-40)),
        };
        for (var i = 0; i < 36; i++)
        {
            var sharer = _regulars[(i * 5 + 11) % _regulars.Count];
            mentions.Add(Mention(NextId(), sharer, "Locked out of my Acme Bank account for an hour and support just hung up on me. Awful, not good enough.",
                _now.AddSeconds(-38 + i), kind: "share", conversation: ComplaintThread));
        }

        return mentions;
    }

    private void Build()
    {
        // Earlier history of the customers at risk: each was happy with the bank before the outage.
        foreach (var (person, i) in AtRisk.Select((p, i) => (p, i)))
        {
            Add(Mention(NextId(), person, Positive[i % Positive.Length], _now.AddMinutes(-55 + (i * 3))));
        }

        // A praised feature, shared steadily by the podcaster's audience.
        Add(Mention(PraiseThread, Podcaster, "Honestly the Acme Bank savings pots are the best budgeting feature I've used. Love it, great work",
            _now.AddMinutes(-41)));
        for (var i = 0; i < 22; i++)
        {
            Add(Mention(NextId(), Pick(), "Honestly the Acme Bank savings pots are the best budgeting feature I've used. Love it, great work",
                _now.AddMinutes(-40 + (i * 1.3)), kind: "share", conversation: PraiseThread));
        }

        // Everyday threads: a few answers (one by the bank), a few shares.
        for (var k = 0; k < 7; k++)
        {
            var root = NextId();
            var startedAgo = 52 - (k * 6);
            var text = (k % 3) switch { 0 => Pick(Neutral), 1 => Pick(Positive), _ => Pick(Negative) };
            Add(Mention(root, Pick(), text, At(startedAgo)));
            for (var r = 0; r < 1 + (k % 4); r++)
            {
                var (author, answer) = r == 0 && k % 3 != 1
                    ? (Brand, "Thanks for reaching out, we've sent you a direct message to help with this.")
                    : (Pick(), k % 3 == 2 ? Pick(OutageReplies) : Pick(Positive));
                Add(Mention(NextId(), author, answer, At(startedAgo - 1 - r), kind: "reply", conversation: root));
            }

            for (var i = 0; i < 3 + (k * 2 % 11); i++)
            {
                Add(Mention(NextId(), Pick(), text, At(Math.Max(1, startedAgo - 2 - (i / 2))), kind: "share", conversation: root));
            }
        }

        Add(Mention(NextId(), Analyst, "Acme Bank's new savings pots look like a good move against the neobanks. Great product thinking.",
            _now.AddMinutes(-33)));

        for (var minute = Minutes; minute >= 1; minute--)
        {
            // Chatter that breathes (7 to 13 a minute); the outage 14 to 9 minutes ago; an uneasy aftermath.
            var count = 9 + (int)Math.Round(2.5 * Math.Sin(minute / 7.0)) + _random.Next(0, 3);
            var outage = minute switch { 14 => 12, 13 => 26, 12 => 38, 11 => 33, 10 => 22, 9 => 13, _ => 0 };
            var negativeShare = minute is <= 8 ? 0.35 : 0.15;
            for (var i = 0; i < count; i++)
            {
                var roll = _random.NextDouble();
                var text = roll < negativeShare ? Pick(Negative) : roll < negativeShare + 0.4 ? Pick(Neutral) : Pick(Positive);
                Add(Mention(NextId(), Pick(), text, At(minute)));
            }

            for (var i = 0; i < outage; i++)
            {
                var at = At(minute);
                if (minute == 14 && i == 0)
                {
                    Add(Mention(OutageThread, Reporter, "Acme Bank app has been down for twenty minutes, can't log in or pay anyone. Terrible. Anyone else?", at));
                }
                else if (i % 3 == 0)
                {
                    Add(Mention(NextId(), Pick(), Pick(Outage), at));
                }
                else
                {
                    var reply = i % 3 == 1;
                    Add(Mention(NextId(), Pick(), reply ? Pick(OutageReplies) : "Acme Bank app has been down for twenty minutes, can't log in or pay anyone. Terrible. Anyone else?",
                        at, kind: reply ? "reply" : "share", conversation: OutageThread));
                }
            }

            if (minute == 13)
            {
                // The customers at risk complain twice while the app is down.
                foreach (var person in AtRisk)
                {
                    Add(Mention(NextId(), person, Pick(Outage), At(13)));
                    Add(Mention(NextId(), person, Pick(OutageReplies), At(11), kind: "reply", conversation: OutageThread));
                }
            }

            if (minute == 11)
            {
                Add(Mention(NextId(), Brand, "We're sorry, some customers can't log in to the Acme Bank app. Our team is working on a fix and will update here.",
                    At(11), kind: "reply", conversation: OutageThread));
            }
        }

        _history.Sort((a, b) => string.CompareOrdinal((string)a["createdAt"]!, (string)b["createdAt"]!));
    }

    private void Add(JsonObject mention) => _history.Add(mention);

    private DateTimeOffset At(int minutesAgo) => _now.AddMinutes(-minutesAgo).AddSeconds(_random.Next(0, 60));

    private Person Pick() => _regulars[_random.Next(_regulars.Count)];

    private string Pick(string[] texts) => texts[_random.Next(texts.Length)];

    private string NextId() => $"tw:{1860412000000001000 + _next++}";

    private JsonObject Mention(string id, Person author, string text, DateTimeOffset at, string kind = "post", string? conversation = null)
    {
        var mention = new JsonObject
        {
            ["id"] = id,
            ["source"] = "twitter",
            ["createdAt"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["author"] = new JsonObject { ["id"] = author.Id, ["name"] = author.Name, ["followers"] = author.Followers, ["isBrand"] = author.IsBrand },
            ["text"] = text,
            ["topics"] = new JsonArray(_topic),
            ["kind"] = kind,
            ["conversationId"] = conversation ?? id,
            ["lang"] = "en",
        };
        if (kind == "share")
        {
            mention["sharedId"] = conversation;
        }
        else if (kind == "reply")
        {
            mention["inReplyTo"] = conversation;
        }

        return mention;
    }

    public sealed record Person(string Id, string Name, long Followers, bool IsBrand = false);
}
