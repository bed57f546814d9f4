using System.Text.Json;
using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

public sealed class TopicDetectorStateTests
{
    [Fact]
    public void FromState_JsonRoundTripMidBurst_ContinuesLikeTheOriginal()
    {
        var streamA = new MentionStream();
        var streamB = new MentionStream();
        var original = new TopicDetector();
        var twin = new TopicDetector();
        for (var minute = 0; minute < 125; minute++)
        {
            var rate = minute >= 120 ? 300 : 50;
            streamA.Minute(original, minute, rate, negative: 5);
            streamB.Minute(twin, minute, rate, negative: 5);
        }

        // The grain persists and reactivates: plain data survives a JSON round trip.
        var json = JsonSerializer.Serialize(twin.ToState());
        var restored = new TopicDetector(state: JsonSerializer.Deserialize<TopicDetectorState>(json));
        Assert.True(restored.IsOpen(AlertKind.VolumeSpike));
        for (var minute = 125; minute < 200; minute++)
        {
            var a = streamA.Minute(original, minute, 50, negative: 5);
            var b = streamB.Minute(restored, minute, 50, negative: 5);
            Assert.Equal(a.Select(s => (s.Kind, s.Action, s.Severity, s.Observed, s.Expected)), b.Select(s => (s.Kind, s.Action, s.Severity, s.Observed, s.Expected)));
        }

        Assert.Equal(1, streamB.Count(AlertKind.VolumeSpike, AlertAction.Resolve));
    }

    [Fact]
    public void Settings_FromTopicAlertingJson_OverridesOnlyGivenValues()
    {
        var settings = JsonSerializer.Deserialize<AlertingSettings>("""{"volumeOpenZ": 7, "resolveAfterMinutes": 30}""", JsonSerializerOptions.Web)!;
        Assert.Equal(7, settings.VolumeOpenZ);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.ResolveAfter);
        Assert.Equal(AlertingSettings.DefaultMinVolume, settings.MinVolume);
    }
}
