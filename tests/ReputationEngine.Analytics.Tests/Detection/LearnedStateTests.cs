using System.Text.Json;
using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>The live part and what closed buckets taught, stored apart (the topic grain writes the second only when it changed).</summary>
public sealed class LearnedStateTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public void LearnedVersion_MovesOnlyWhenABucketCloses()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        Assert.Equal(1, detector.LearnedVersion);
        detector.Observe(stream.Mention(MentionStream.Start.AddSeconds(1), negative: false, "hello acme", 10));
        detector.Observe(stream.Mention(MentionStream.Start.AddSeconds(50), negative: false, "hello acme", 10));
        detector.Evaluate(MentionStream.Start.AddSeconds(55));
        Assert.Equal(1, detector.LearnedVersion);

        detector.Observe(stream.Mention(MentionStream.Start.AddMinutes(3), negative: false, "hello acme", 10));
        Assert.Equal(4, detector.LearnedVersion);
        Assert.Equal(MentionStream.Start.AddMinutes(2).UtcTicks, detector.ToLearnedState().ThroughTicks);
    }

    [Fact]
    public void LiveAndLearnedApart_JsonRoundTrip_ContinuesLikeTheOriginal()
    {
        var minutes = Recorded(200);
        var original = new TopicDetector();
        var twin = new TopicDetector();
        FeedBoth(original, twin, minutes[..125]);

        var live = JsonSerializer.Serialize(twin.ToState(includeLearned: false), Json);
        var learned = JsonSerializer.Serialize(twin.ToLearnedState(), Json);
        Assert.DoesNotContain("\"volume\"", live, StringComparison.Ordinal);
        var restored = Restore(live, learned);
        Assert.Equal(0, restored.LearnedVersion);
        Assert.True(restored.IsOpen(AlertKind.VolumeSpike));
        for (var minute = 125; minute < 200; minute++)
        {
            Assert.Equal(Describe(Feed(original, minutes[minute])), Describe(Feed(restored, minutes[minute])));
        }

        // The open bucket's terms are transient evidence (never stored), so only the term rates may differ.
        Assert.Equal(
            JsonSerializer.Serialize(original.ToLearnedState() with { Terms = [], TermRates = [] }, Json),
            JsonSerializer.Serialize(restored.ToLearnedState() with { Terms = [], TermRates = [] }, Json));
        Assert.Equal(JsonSerializer.Serialize(original.ToState(includeLearned: false), Json), JsonSerializer.Serialize(restored.ToState(includeLearned: false), Json));
    }

    [Fact]
    public void LearnedWrittenAfterTheLivePart_ReplayedBucketsAreNotLearnedTwice()
    {
        var minutes = Recorded(200);
        var original = new TopicDetector();
        var crashed = new TopicDetector();
        FeedBoth(original, crashed, minutes[..100]);

        // The last checkpoint wrote the live part at minute 100; ten minutes later the learned part was written, then the
        // process died before the live part was. The log replays minutes 100–109 into the older live part.
        var live = JsonSerializer.Serialize(crashed.ToState(includeLearned: false), Json);
        for (var minute = 100; minute < 110; minute++)
        {
            Feed(crashed, minutes[minute]);
        }

        var learned = JsonSerializer.Serialize(crashed.ToLearnedState(), Json);
        var restored = Restore(live, learned);
        FeedBoth(original, restored, minutes[100..110]);

        Assert.Equal(JsonSerializer.Serialize(original.ToLearnedState(), Json), JsonSerializer.Serialize(restored.ToLearnedState(), Json));
        for (var minute = 110; minute < 200; minute++)
        {
            Assert.Equal(Describe(Feed(original, minutes[minute])), Describe(Feed(restored, minutes[minute])));
        }

        Assert.Equal(JsonSerializer.Serialize(original.ToState(), Json), JsonSerializer.Serialize(restored.ToState(), Json));
    }

    [Fact]
    public void WrittenWhole_BeforeTheSplit_StillRestores()
    {
        var minutes = Recorded(150);
        var original = new TopicDetector();
        var twin = new TopicDetector();
        FeedBoth(original, twin, minutes[..100]);

        var whole = JsonSerializer.Serialize(twin.ToState(), Json);
        var restored = new TopicDetector(state: JsonSerializer.Deserialize<TopicDetectorState>(whole, Json));
        Assert.Equal(1, restored.LearnedVersion);
        Assert.Equal(JsonSerializer.Serialize(original.ToLearnedState(), Json), JsonSerializer.Serialize(restored.ToLearnedState(), Json));
        for (var minute = 100; minute < 150; minute++)
        {
            Assert.Equal(Describe(Feed(original, minutes[minute])), Describe(Feed(restored, minutes[minute])));
        }
    }

    [Fact]
    public void ConversationWithoutShares_WritesNoVelocityWindow()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var post = stream.Mention(MentionStream.Start, negative: false, "our order is late", 500);
        detector.Observe(post);
        detector.Observe(stream.Mention(MentionStream.Start.AddSeconds(30), negative: true, "same here", 20, conversation: post.Id, kind: MentionKind.Reply));
        detector.Observe(stream.Mention(MentionStream.Start.AddSeconds(40), negative: false, null, 20, conversation: "other", kind: MentionKind.Share));

        var conversations = detector.ToState().Conversations.ToDictionary(c => c.Id);
        Assert.Null(conversations[post.Id].SharesPerMinute);
        Assert.Equal(1, conversations["other"].SharesPerMinute!.Sum());
        var restored = new TopicDetector(state: JsonSerializer.Deserialize<TopicDetectorState>(JsonSerializer.Serialize(detector.ToState(), Json), Json));
        Assert.Equal(0, restored.Conversation(post.Id)!.Velocity(MentionStream.Start.AddMinutes(1), 10));
        Assert.Equal(1, restored.Conversation("other")!.Velocity(MentionStream.Start.AddMinutes(1), 10));
    }

    // Noisy chatter, a burst at minutes 120–124, recorded once so several detectors see exactly the same mentions.
    private static List<MentionObservation>[] Recorded(int count)
    {
        var stream = new MentionStream();
        var minutes = new List<MentionObservation>[count];
        for (var minute = 0; minute < count; minute++)
        {
            var at = MentionStream.Start.AddMinutes(minute);
            var n = stream.Noisy(minute is >= 120 and < 125 ? 300 : 50);
            minutes[minute] = [.. Enumerable.Range(0, n).Select(i => stream.Mention(at.AddSeconds(59.0 * i / Math.Max(1, n)), i < n / 10, $"acme word{i % 7}", 100 + i))];
        }

        return minutes;
    }

    private static TopicDetector Restore(string live, string learned) =>
        new(state: JsonSerializer.Deserialize<TopicDetectorState>(live, Json), learned: JsonSerializer.Deserialize<TopicLearnedState>(learned, Json));

    private static void FeedBoth(TopicDetector a, TopicDetector b, List<MentionObservation>[] minutes)
    {
        foreach (var minute in minutes)
        {
            Feed(a, minute);
            Feed(b, minute);
        }
    }

    private static IReadOnlyList<AlertSignal> Feed(TopicDetector detector, List<MentionObservation> minute)
    {
        foreach (var m in minute)
        {
            detector.Observe(m);
        }

        return minute.Count == 0 ? [] : detector.Evaluate(minute[^1].CreatedAt);
    }

    private static string Describe(IReadOnlyList<AlertSignal> signals) =>
        string.Join("; ", signals.Select(s => $"{s.Kind} {s.Action} {s.Severity} {s.Observed} {s.Expected} {s.WindowFrom:O}"));
}
