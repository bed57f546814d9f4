using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

public sealed class NegativeSpikeTests
{
    [Fact]
    public void Evaluate_NegativeShareSurgeBelowVolumeFloor_DoesNotAlert()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 120; minute++)
        {
            // 6 of 8 negative is a big share, but 8 mentions is below the 20-mention floor.
            stream.Minute(detector, minute, minute == 100 ? 8 : 5, negative: minute == 100 ? 6 : (minute % 3 == 0 ? 1 : 0));
        }

        Assert.Equal(0, stream.Count(AlertKind.NegativeSpike, AlertAction.Open));
    }

    [Fact]
    public void Evaluate_NegativeShareSurgeAboveFloor_OpensWithNegativeEvidence()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 120; minute++)
        {
            var surge = minute >= 100;
            stream.Minute(detector, minute, 60, negative: surge ? 40 : 6, text: surge ? "refund refused, terrible service" : "acme store opening hours");
        }

        var open = Assert.Single(stream.Signals, s => s is { Kind: AlertKind.NegativeSpike, Action: AlertAction.Open });
        Assert.True(open.Observed >= 20);
        Assert.Contains(open.Evidence.Terms, t => t.Term is "refund" or "refused" or "terrible");
        // Volume did not change, so no volume spike.
        Assert.Equal(0, stream.Count(AlertKind.VolumeSpike, AlertAction.Open));
    }
}
