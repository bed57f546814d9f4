using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

public sealed class ViralConversationTests
{
    [Fact]
    public void Evaluate_NegativeConversationSharedFast_OpensForThatConversation()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var start = MentionStream.Start;
        detector.Observe(stream.Mention(start, true, "acme lost my luggage and laughed at me", 5_000, "c1", MentionKind.Post, "angry"));
        Assert.Empty(detector.Evaluate(start));

        var signals = new List<AlertSignal>();
        for (var minute = 0; minute < 30; minute++)
        {
            var at = start.AddMinutes(minute);
            // Background chatter in other conversations.
            detector.Observe(stream.Mention(at, false, "hello acme", 50));
            for (var i = 0; i < minute; i++)
            {
                detector.Observe(stream.Mention(at.AddSeconds(i), true, "RT acme lost my luggage", 300, "c1", MentionKind.Share));
            }

            signals.AddRange(detector.Evaluate(at.AddSeconds(59)));
        }

        var open = Assert.Single(signals, s => s is { Kind: AlertKind.ViralConversation, Action: AlertAction.Open });
        Assert.Equal("c1", open.Subject);
        Assert.Equal("c1", open.Evidence.Conversations[0].Id);
        Assert.Contains(open.Evidence.Samples, s => s.Text.Contains("luggage", StringComparison.Ordinal));
        Assert.DoesNotContain(signals, s => s is { Kind: AlertKind.ViralConversation, Action: AlertAction.Open } && s != open);
        Assert.True(detector.Conversation("c1")!.ForecastFinalShares(start.AddMinutes(30)) >= detector.Conversation("c1")!.Shares);
    }

    [Fact]
    public void Evaluate_NeutralConversationBelowThresholds_DoesNotAlert()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var start = MentionStream.Start;
        detector.Observe(stream.Mention(start, false, "new acme phone is out", 5_000, "c2"));
        var signals = new List<AlertSignal>();
        for (var minute = 0; minute < 60; minute++)
        {
            detector.Observe(stream.Mention(start.AddMinutes(minute), false, "RT new acme phone", 100, "c2", MentionKind.Share));
            signals.AddRange(detector.Evaluate(start.AddMinutes(minute)));
        }

        Assert.DoesNotContain(signals, s => s.Kind == AlertKind.ViralConversation);
    }
}
