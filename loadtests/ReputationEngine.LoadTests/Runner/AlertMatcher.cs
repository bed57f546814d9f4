using ReputationEngine.LoadTests.Alerts;
using ReputationEngine.LoadTests.Measurement;
using ReputationEngine.LoadTests.Reporting;
using ReputationEngine.LoadTests.Traffic;

namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// Maps alerts to bursts. Each burst owns its topic, so a burst-detector alert (<see cref="AlertKinds.BurstDetectors"/>)
/// on a burst's topic that arrives after the burst's first mention was sent detects it; any other burst-detector alert
/// on one of the run's topics is a false alert. <c>slaBreach</c> alerts (the CRM response-time rule) neither detect a
/// burst nor count as false: they are tallied on their own (<see cref="AlertTally"/>).
/// </summary>
public static class AlertMatcher
{
    /// <summary>What the run's alerts say; every field but <see cref="Channels"/> is null while no alert channel exists.</summary>
    public sealed record Outcome(
        BurstSummary Bursts,
        AlertLatencySummary Latency,
        AlertTally? Tally,
        IReadOnlyDictionary<string, AlertChannelSummary> Channels);

    private const double PercentileP50 = 50;
    private const double PercentileP99 = 99;
    private const double MillisPerSecond = 1000;

    public static Outcome Match(
        IReadOnlyList<BurstPlan> plans,
        TopicCatalog topics,
        BurstTracker tracker,
        AlertCollector collector,
        IReadOnlyList<ObservedAlert> alerts)
    {
        var runTopics = topics.Ids.ToHashSet(StringComparer.Ordinal);
        var channels = new Dictionary<string, AlertChannelSummary>(StringComparer.Ordinal);
        var perChannelResults = new Dictionary<string, List<BurstResult>>(StringComparer.Ordinal);
        foreach (var channel in AlertChannels.All)
        {
            var results = plans.Select(p => Result(p, topics, tracker, alerts.Where(a => a.Channel == channel).ToList())).ToList();
            perChannelResults[channel] = results;
            var latencies = results.Where(r => r.AlertLatencyMs is not null).Select(r => r.AlertLatencyMs!.Value).ToList();
            channels[channel] = new AlertChannelSummary(
                collector.IsAvailable(channel),
                alerts.Count(a => a.Channel == channel && runTopics.Contains(a.TopicId)),
                results.Count(r => r.Detected == true),
                Percentile(latencies, PercentileP50),
                Percentile(latencies, PercentileP99));
        }

        var headline = AlertChannels.All.FirstOrDefault(collector.IsAvailable);
        if (headline is null)
        {
            var items = plans.Select(p => Result(p, topics, tracker, []) with { Detected = null }).ToList();
            return new Outcome(new BurstSummary(plans.Count, null, null, items), new AlertLatencySummary(null, null, null), null, channels);
        }

        var chosen = perChannelResults[headline];
        var headlineLatencies = chosen.Where(r => r.AlertLatencyMs is not null).Select(r => r.AlertLatencyMs!.Value).ToList();
        var detected = chosen.Count(r => r.Detected == true);

        // False: distinct burst-detector alerts on the run's topics that no burst explains (any channel).
        var burstStart = plans.ToDictionary(p => topics.Ids[p.Topic], p => tracker.Get(p.Index).FirstSentSec ?? double.MaxValue, StringComparer.Ordinal);
        var tally = AlertTally.Of(alerts, runTopics, burstStart);
        return new Outcome(new BurstSummary(plans.Count, detected, plans.Count - detected, chosen),
            new AlertLatencySummary(Percentile(headlineLatencies, PercentileP50), Percentile(headlineLatencies, PercentileP99), headline),
            tally,
            channels);
    }

    /// <summary>True when <paramref name="alert"/> can be the detection of a burst on <paramref name="topicId"/> that started at <paramref name="startSec"/>.</summary>
    public static bool Detects(ObservedAlert alert, string topicId, double startSec) =>
        alert.TopicId == topicId && alert.ArrivedAtSec >= startSec && AlertKinds.IsBurstDetector(alert.Kind);

    private static BurstResult Result(BurstPlan plan, TopicCatalog topics, BurstTracker tracker, IReadOnlyList<ObservedAlert> alerts)
    {
        var topic = topics.Ids[plan.Topic];
        var (firstSent, detectable, accepted) = tracker.Get(plan.Index);
        var alert = firstSent is { } start
            ? alerts.Where(a => Detects(a, topic, start)).MinBy(a => a.ArrivedAtSec)
            : null;
        double? latency = alert is not null && detectable is { } d ? Math.Max(0, alert.ArrivedAtSec - d) * MillisPerSecond : null;
        return new BurstResult(plan.Index, plan.Origin, topic, plan.Events.Length, accepted, firstSent, detectable,
            alert is not null, alert?.ArrivedAtSec, alert?.Kind, latency);
    }

    /// <summary>Nearest-rank percentile of a handful of values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
