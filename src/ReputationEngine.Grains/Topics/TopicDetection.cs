using System.Text.Json;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Detection;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using DetectorAlertKind = ReputationEngine.Analytics.Detection.AlertKind;
using DetectorMentionKind = ReputationEngine.Analytics.Detection.MentionKind;
using SignalAction = ReputationEngine.Analytics.Detection.AlertAction;
using DetectorEvidence = ReputationEngine.Analytics.Detection.AlertEvidence;

namespace ReputationEngine.Grains.Topics;

/// <summary>
/// Drives a topic's detectors (pure analytics) from scored mentions and turns their signals into alert-book
/// changes. Detector state travels as JSON inside the grain state: it is plain data owned by the analytics.
/// </summary>
public sealed class TopicDetection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TopicDetector _detector;

    public TopicDetection(TopicDefinition? definition, byte[]? state)
    {
        var restored = state is { Length: > 0 } ? JsonSerializer.Deserialize<TopicDetectorState>(state, Json) : null;
        _detector = new TopicDetector(Settings(definition), restored);
    }

    public TopicDetector Detector => _detector;

    /// <summary>Detector settings: defaults overridden by the topic's <c>alerting</c> values (unknown keys are ignored).</summary>
    public static AlertingSettings Settings(TopicDefinition? definition)
    {
        if (definition?.Alerting is not { Count: > 0 } overrides)
        {
            return AlertingSettings.Default;
        }

        var json = JsonSerializer.Serialize(overrides, Json);
        return JsonSerializer.Deserialize<AlertingSettings>(json, Json) ?? AlertingSettings.Default;
    }

    /// <summary>Applies a changed definition (new alerting settings) keeping what the detectors learned.</summary>
    public void Redefine(TopicDefinition definition) => _detector = new TopicDetector(Settings(definition), _detector.ToState());

    public void Observe(ScoredMention item)
    {
        var m = item.Mention;
        _detector.Observe(new MentionObservation(
            m.Id, m.CreatedAt, (SentimentClass)item.Label, item.Score, m.AuthorId, m.AuthorFollowers,
            m.ConversationId, (DetectorMentionKind)m.Kind, m.Text));
    }

    /// <summary>Evaluates at <paramref name="eventTime"/> and applies the signals to the book; returns the changes to record.</summary>
    public List<AlertChange> Evaluate(DateTimeOffset eventTime, AlertBook book, DateTimeOffset now)
    {
        var changes = new List<AlertChange>();
        foreach (var signal in _detector.Evaluate(eventTime))
        {
            var kind = (Abstractions.Alerts.AlertKind)signal.Kind;
            switch (signal.Action)
            {
                case SignalAction.Resolve:
                    if (book.ResolveKind(kind, now) is { } resolved)
                    {
                        changes.Add(resolved);
                    }

                    break;
                case SignalAction.Update when !book.IsActive(kind):
                    // A person resolved it while the signal went on: do not reopen the same episode.
                    break;
                default:
                    changes.Add(book.Raise(kind, signal.Severity, new AlertWindow(signal.WindowFrom, signal.WindowTo),
                        signal.Observed, signal.Expected, Evidence(signal.Evidence), now));
                    break;
            }
        }

        return changes;
    }

    public byte[] ToState() => JsonSerializer.SerializeToUtf8Bytes(_detector.ToState(), Json);

    private static Abstractions.Alerts.AlertEvidence Evidence(DetectorEvidence evidence) => new()
    {
        Terms = [.. evidence.Terms.Select(t => t.Term)],
        Conversations = [.. evidence.Conversations.Select(c => c.Id)],
        Authors = [.. evidence.Authors.Select(a => a.Id)],
        Samples = [.. evidence.Samples.Select(s => new AlertSample(s.Id, s.Text))],
    };

    static TopicDetection()
    {
        // The enums mirror each other by value; fail fast at start if they ever drift apart.
        if ((int)DetectorAlertKind.InfluencerComplaint != (int)Abstractions.Alerts.AlertKind.InfluencerComplaint
            || (int)DetectorAlertKind.SlaBreach != (int)Abstractions.Alerts.AlertKind.SlaBreach)
        {
            throw new InvalidOperationException("Detector and contract alert kinds differ.");
        }
    }
}
