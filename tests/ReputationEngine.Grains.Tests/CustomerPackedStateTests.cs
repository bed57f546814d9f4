using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Customers;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// A customer's conversation ids and sentiment history are held packed (one buffer each): the same contents and order
/// as the lists they replace, through Orleans' serializer, and read from rows written as lists before.
/// </summary>
public sealed class CustomerPackedStateTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void ConversationIdLog_MatchesAListModel_WithRevisitsTheBoundAndAReadBack()
    {
        const int max = 40;
        var random = new Random(7);
        var expected = new List<string>();
        var log = new ConversationIdLog();
        for (var i = 0; i < 2_000; i++)
        {
            // New ids of varied length (non-ASCII too), revisits of old ones and of the newest.
            var id = random.Next(3) == 0 && expected.Count > 0 ? expected[random.Next(expected.Count)] : $"c{i}-{new string('é', random.Next(5))}";
            expected.Remove(id);
            expected.Add(id);
            if (expected.Count > max)
            {
                expected.RemoveAt(0);
            }

            log.Touch(id, max);
            if (i % 500 == 499)
            {
                log = RoundTrip(log);
            }

            Assert.Equal(expected.Count, log.Count);
        }

        Assert.Equal(expected, log.ToArray());
        Assert.Equal(Enumerable.Reverse(expected).Take(5), log.NewestFirst(5));
    }

    [Fact]
    public void ConversationIdLog_TouchingTheNewestAgain_ChangesNothing()
    {
        var log = ConversationIdLog.From(["a", "b"], max: 10);
        log.Touch("b", max: 10);
        log.Touch("a", max: 10);
        log.Touch("a", max: 10);
        Assert.Equal(["b", "a"], log.ToArray());
    }

    [Fact]
    public void PackedLog_CutShort_IsRefusedWithItsPosition()
    {
        var packed = ConversationIdLog.From(["a", "bb"], max: 10).Packed;
        var error = Assert.Throws<InvalidDataException>(() => new ConversationIdLog { Packed = packed[..^1] });
        Assert.Contains("cut short at byte 5", error.Message);
    }

    [Fact]
    public void SentimentHistoryLog_KeepsTheNewestWithinTheBound_AsInstantsLabelsAndScores()
    {
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(2));
        var log = new SentimentHistoryLog();
        for (var i = 0; i < 12; i++)
        {
            log.Add(start.AddMinutes(i), (SentimentLabel)(i % 3), i / 10f, max: 5);
        }

        var events = RoundTrip(log).ToEvents();
        Assert.Equal(5, events.Length);
        Assert.Equal(Enumerable.Range(7, 5).Select(i => start.AddMinutes(i)), events.Select(e => e.At));
        Assert.Equal(Enumerable.Range(7, 5).Select(i => (SentimentClass)(i % 3)), events.Select(e => e.Label));
        Assert.Equal(Enumerable.Range(7, 5).Select(i => i / 10f), events.Select(e => e.Score));
    }

    [Fact]
    public void CustomerState_WrittenWithLists_ReadsIntoThePackedForm_AndIsWrittenPackedOnly()
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var old = new CustomerState
        {
            Mentions = 2,
            LegacyConversations = ["c1", "c2"],
            LegacyHistory = [new HistoryPoint(at, SentimentLabel.Negative, -0.5f), new HistoryPoint(at.AddHours(1), SentimentLabel.Positive, 0.75f)],
        };

        var read = RoundTrip(old);
        Assert.Equal(["c1", "c2"], read.Conversations().ToArray());
        Assert.Equal([(at, SentimentClass.Negative, -0.5f), (at.AddHours(1), SentimentClass.Positive, 0.75f)],
            read.History().ToEvents().Select(e => (e.At, e.Label, e.Score)));
        Assert.Null(read.LegacyConversations);
        Assert.Null(read.LegacyHistory);

        var again = RoundTrip(read);
        Assert.Null(again.LegacyConversations);
        Assert.Equal(["c1", "c2"], again.Conversations().ToArray());
        Assert.Equal(2, again.History().Count);
    }

    [Fact]
    public void RecentMentionLog_KeepsTheNewestWithinTheBound_FieldForField()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-5));
        RecentMention Mention(int i) => new(
            $"m{i}", at.AddMinutes(i), i % 2 == 0 ? $"texte {i} très 👍" : "", (SentimentLabel)(i % 3), i / 8f,
            i % 3 == 0 ? $"m{i}" : $"conv-{i}", i % 4 == 0 ? [] : ["acme", $"topic-{i}"]);

        var log = new RecentMentionLog();
        for (var i = 0; i < 9; i++)
        {
            log.Add(Mention(i), max: 4);
        }

        var read = RoundTrip(log).NewestFirst();
        Assert.Equal([Mention(8), Mention(7), Mention(6), Mention(5)], read, RecentMentionComparer.Instance);
        Assert.Equal(at.AddMinutes(8).Offset, read[0].CreatedAt.Offset);
    }

    [Fact]
    public void RecentMentionLog_ReadTwice_SharesTheTopicIds()
    {
        var log = RecentMentionLog.From([new RecentMention("m1", DateTimeOffset.UnixEpoch, "t", SentimentLabel.Neutral, 0, "m1", ["acme-packed-test"])], max: 5);
        Assert.Same(RoundTrip(log).NewestFirst()[0].Topics, RoundTrip(log).NewestFirst()[0].Topics);
    }

    [Fact]
    public void CustomerState_RecentWrittenAsAList_ReadsIntoThePackedForm()
    {
        var mention = new RecentMention("m1", DateTimeOffset.UnixEpoch, "hello", SentimentLabel.Positive, 0.5f, "c1", ["acme"]);
        var read = RoundTrip(new CustomerState { LegacyRecent = [mention] });
        Assert.Equal([mention], read.Recent().NewestFirst(), RecentMentionComparer.Instance);
        Assert.Null(RoundTrip(read).LegacyRecent);
    }

    [Fact]
    public void TopicNamePool_Share_GivesSetsReadApartTheSameInstances()
    {
        var (first, second) = (RoundTrip(new HashSet<string>(["acme-pool-test", "other-pool-test"])), RoundTrip(new HashSet<string>(["acme-pool-test"])));
        Assert.NotSame(first.First(t => t == "acme-pool-test"), second.Single());
        var (a, b) = (TopicNamePool.Share(first), TopicNamePool.Share(second));
        Assert.Same(a.First(t => t == "acme-pool-test"), b.Single());
        Assert.Equal(["acme-pool-test", "other-pool-test"], a.Order(StringComparer.Ordinal));
    }

    private sealed class RecentMentionComparer : IEqualityComparer<RecentMention>
    {
        public static readonly RecentMentionComparer Instance = new();

        public bool Equals(RecentMention? x, RecentMention? y) =>
            x is not null && y is not null && x with { Topics = [] } == y with { Topics = [] } && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(RecentMention obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
