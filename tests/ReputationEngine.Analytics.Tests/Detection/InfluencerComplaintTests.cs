using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

public sealed class InfluencerComplaintTests
{
    [Fact]
    public void Evaluate_NegativeMentionFromLargeAccount_OpensThenResolvesAfterCalm()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 30; minute++)
        {
            stream.Minute(detector, minute, 20, negative: 2);
        }

        var at = MentionStream.Start.AddMinutes(30);
        detector.Observe(stream.Mention(at, true, "never flying acme again", 2_000_000, author: "celebrity"));
        var open = Assert.Single(detector.Evaluate(at));
        Assert.Equal((AlertKind.InfluencerComplaint, AlertAction.Open, "celebrity"), (open.Kind, open.Action, open.Subject));
        Assert.True(open.Severity >= 5);
        Assert.Equal("celebrity", open.Evidence.Authors[0].Id);

        for (var minute = 31; minute < 60; minute++)
        {
            stream.Minute(detector, minute, 20, negative: 2);
        }

        Assert.Equal(1, stream.Count(AlertKind.InfluencerComplaint, AlertAction.Resolve));
    }

    [Fact]
    public void Evaluate_PositiveMentionFromLargeAccount_DoesNotAlert()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var at = MentionStream.Start;
        detector.Observe(stream.Mention(at, false, "love acme", 2_000_000));
        Assert.Empty(detector.Evaluate(at));
    }

    [Fact]
    public void Evaluate_KnownHighInfluence_OpensEvenWithFewFollowers()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var at = MentionStream.Start;
        detector.Observe(stream.Mention(at, true, "acme support ignored me", 800) with { AuthorInfluence = 0.95 });
        Assert.Contains(detector.Evaluate(at), s => s.Kind == AlertKind.InfluencerComplaint);
    }
}
