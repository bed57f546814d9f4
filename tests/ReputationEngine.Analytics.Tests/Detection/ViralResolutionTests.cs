using System.Text.Json;
using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>
/// The viral alert's lifecycle in event time: it opens when a conversation spreads fast, stays open and updates while
/// it spreads, and resolves once after its shares in the velocity window (10 min) stay below the calm level
/// (<see cref="TopicDetector.ViralCalmFraction"/> × 100 = 25 shares) for the resolve delay (15 min). A first wave opens
/// in its first minute by forecast (30 shares so soon after the post: SEISMIC's estimate hits its cap of 50 × the
/// shares seen, 1 500 ≥ 500); once that conversation's alert has ended, only its velocity (100 in 10 min) re-opens it.
/// </summary>
public sealed class ViralResolutionTests
{
    private static readonly DateTimeOffset Start = MentionStream.Start;

    /// <summary>Evaluation time of minute <paramref name="m"/> (each minute is one batch, evaluated at its :59).</summary>
    private static DateTimeOffset At(int m) => Start.AddMinutes(m).AddSeconds(59);

    /// <summary>Minutes <paramref name="from"/> … <paramref name="to"/>−1: background chatter, plus shares per conversation as <paramref name="shares"/> says; the viral signals.</summary>
    private static List<AlertSignal> Run(TopicDetector detector, MentionStream stream, int from, int to, Func<int, (string Conversation, int Shares)[]> shares)
    {
        var viral = new List<AlertSignal>();
        for (var minute = from; minute < to; minute++)
        {
            var at = Start.AddMinutes(minute);
            detector.Observe(stream.Mention(at, false, "hello acme", 50));
            foreach (var (conversation, count) in shares(minute))
            {
                if (detector.Conversation(conversation) is null && count > 0)
                {
                    detector.Observe(stream.Mention(at, false, $"acme {conversation} post", 100, conversation, MentionKind.Post));
                }

                for (var i = 0; i < count; i++)
                {
                    detector.Observe(stream.Mention(at.AddSeconds(1 + (57.0 * i / count)), false, $"RT acme {conversation}", 10, conversation, MentionKind.Share));
                }
            }

            viral.AddRange(detector.Evaluate(At(minute)).Where(s => s.Kind == AlertKind.ViralConversation));
        }

        return viral;
    }

    private static (string, int)[] Shares(string conversation, int count) => [(conversation, count)];

    [Fact]
    public void StopsSpreading_ResolvesExactlyOnce()
    {
        var detector = new TopicDetector();
        // 30 shares a minute in minutes 1–20 (600 in all), then none; three hours in all.
        var signals = Run(detector, new MentionStream(), 0, 180, m => Shares("c1", m is >= 1 and <= 20 ? 30 : 0));

        var open = Assert.Single(signals, s => s.Action == AlertAction.Open);
        Assert.Equal(("c1", At(1), 1500d), (open.Subject, open.WindowTo, open.Observed));
        var resolve = Assert.Single(signals, s => s.Action == AlertAction.Resolve);
        // Minute 20's shares leave the 10-minute window at minute 30 (hot until 29:59); calm for 15 minutes → 44:59.
        Assert.Equal(("c1", At(44), open.OpenedAt), (resolve.Subject, resolve.WindowTo, resolve.OpenedAt));
        Assert.Equal(resolve, signals[^1]);
        // Updates while it still spreads (up to 29:59), nothing while calm but the resolve.
        Assert.All(signals, s => Assert.True(s.WindowTo < At(30) || s == resolve, $"{s.Action} at {s.WindowTo} while calm"));
        Assert.Contains(signals, s => s.Action == AlertAction.Update);
        Assert.False(detector.IsOpen(AlertKind.ViralConversation));
    }

    [Fact]
    public void KeepsSpreading_StaysOpenAndUpdates()
    {
        var detector = new TopicDetector();
        // Fast for an hour, then slower (5 a minute: 50 per 10 minutes, above the calm level of 25) for two more.
        var signals = Run(detector, new MentionStream(), 0, 180, m => Shares("c1", m < 1 ? 0 : m <= 60 ? 30 : 5));

        var open = Assert.Single(signals, s => s.Action == AlertAction.Open);
        Assert.Equal(At(1), open.WindowTo);
        Assert.DoesNotContain(signals, s => s.Action == AlertAction.Resolve);
        Assert.True(detector.IsOpen(AlertKind.ViralConversation));
        var times = signals.Select(s => s.WindowTo).Append(At(179)).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            // A continuing viral conversation refreshes its alert at least every 5 minutes of event time.
            Assert.True(times[i] - times[i - 1] <= AlertTracker.RefreshInterval, $"no update between {times[i - 1]} and {times[i]}");
        }

        Assert.All(signals.Skip(1), s => Assert.Equal((AlertAction.Update, "c1", open.OpenedAt), (s.Action, s.Subject, s.OpenedAt)));
        Assert.True(signals[^1].Observed > 600); // the forecast, still growing
    }

    [Fact]
    public void SecondConversationAfterTheFirstResolved_OpensANewAlert()
    {
        var detector = new TopicDetector();
        var signals = Run(detector, new MentionStream(), 0, 180, m => m switch
        {
            >= 1 and <= 20 => Shares("c1", 30),
            >= 60 and <= 80 => Shares("c2", 30),
            _ => [],
        });

        Assert.Equal(
            [(AlertAction.Open, "c1", At(1)), (AlertAction.Resolve, "c1", At(44)), (AlertAction.Open, "c2", At(60)), (AlertAction.Resolve, "c2", At(104))],
            signals.Where(s => s.Action != AlertAction.Update).Select(s => (s.Action, s.Subject, s.WindowTo)));
        var opens = signals.Where(s => s.Action == AlertAction.Open).ToList();
        Assert.Equal([At(1), At(60)], opens.Select(s => s.OpenedAt));
    }

    [Fact]
    public void TrickleAfterResolve_DoesNotReopen_ButANewWaveDoes()
    {
        var detector = new TopicDetector();
        // c1 goes viral, stops, resolves at 44:59; then trickles at 4 a minute (40 per 10 minutes: spreading, but a
        // fraction of the threshold; its forecast is still above 500) for an hour and a half; then a second wave, which
        // re-opens by velocity (120 shares in the 10 minutes to 163:59) and resolves 15 minutes after minute 169's shares
        // leave the window (hot until 178:59).
        var signals = Run(detector, new MentionStream(), 0, 200, m => Shares("c1", m switch
        {
            >= 1 and <= 20 => 30,
            >= 50 and < 140 => 4,
            >= 160 and < 170 => 30,
            _ => 0,
        }));

        Assert.Equal(
            [(AlertAction.Open, At(1)), (AlertAction.Resolve, At(44)), (AlertAction.Open, At(163)), (AlertAction.Resolve, At(193))],
            signals.Where(s => s.Action != AlertAction.Update).Select(s => (s.Action, s.WindowTo)));
    }

    [Fact]
    public void EndedEpisode_SurvivesTheGrainsJsonRoundTrip()
    {
        var detector = new TopicDetector();
        var stream = new MentionStream();
        Run(detector, stream, 0, 60, m => Shares("c1", m is >= 1 and <= 20 ? 30 : 0));
        Assert.False(detector.IsOpen(AlertKind.ViralConversation));

        var json = JsonSerializer.Serialize(detector.ToState());
        var restored = new TopicDetector(state: JsonSerializer.Deserialize<TopicDetectorState>(json));
        Assert.Equal(At(44), restored.Conversation("c1")!.ViralEndedAt);
        var signals = Run(restored, stream, 60, 120, m => Shares("c1", 4));
        Assert.Empty(signals);
    }

    [Fact]
    public void StateSavedBeforeEpisodes_ReadsAsNeverAlerted()
    {
        var detector = new TopicDetector();
        Run(detector, new MentionStream(), 0, 5, m => Shares("c1", m >= 1 ? 30 : 0));
        var json = JsonSerializer.Serialize(detector.ToState()).Replace(",\"ViralEndedTicks\":0", "", StringComparison.Ordinal);
        Assert.DoesNotContain("ViralEndedTicks", json, StringComparison.Ordinal);
        var restored = new TopicDetector(state: JsonSerializer.Deserialize<TopicDetectorState>(json));
        Assert.Null(restored.Conversation("c1")!.ViralEndedAt);
        Assert.True(restored.IsOpen(AlertKind.ViralConversation));
    }
}
