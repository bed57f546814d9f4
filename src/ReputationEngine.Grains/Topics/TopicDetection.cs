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
/// changes. Detector state travels as JSON inside the grain state: it is plain data owned by the analytics. What
/// closed buckets taught (baselines, term rates: most of the bytes) is stored apart and only when it changed.
/// </summary>
public sealed class TopicDetection
{
    // Learned baselines may hold NaN (not yet known); JSON must carry it rather than fail the state write.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private TopicDetector _detector;
    private long _learnedWritten;

    /// <param name="definition">The topic's definition (its alerting settings).</param>
    /// <param name="state">The detectors' live part (or, written before the split, everything).</param>
    /// <param name="learned">What closed buckets taught, stored apart (<see cref="TakeLearnedState"/>).</param>
    public TopicDetection(TopicDefinition? definition, byte[]? state, byte[]? learned)
    {
        var restored = state is { Length: > 0 } ? JsonSerializer.Deserialize<TopicDetectorState>(state, Json) : null;
        var restoredLearned = learned is { Length: > 0 } ? JsonSerializer.Deserialize<TopicLearnedState>(learned, Json) : null;
        _detector = new TopicDetector(Settings(definition), restored, learned: restoredLearned);
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
    public void Redefine(TopicDefinition definition)
    {
        _detector = new TopicDetector(Settings(definition), _detector.ToState());
        _learnedWritten = -1;
    }

    /// <summary>Whether what closed buckets taught changed since it was last stored (about once per bucket width).</summary>
    public bool LearnedChanged => _detector.LearnedVersion != _learnedWritten;

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

    /// <summary>The live part: the open bucket, conversations, alerts (what changes with every mention).</summary>
    public byte[] ToState() => JsonSerializer.SerializeToUtf8Bytes(_detector.ToState(includeLearned: false), Json);

    /// <summary>What closed buckets taught, and the version to confirm with <see cref="LearnedStored"/> once written.</summary>
    public (byte[] State, long Version) TakeLearnedState() =>
        (JsonSerializer.SerializeToUtf8Bytes(_detector.ToLearnedState(), Json), _detector.LearnedVersion);

    public void LearnedStored(long version) => _learnedWritten = version;

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
