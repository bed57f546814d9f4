using ReputationEngine.LoadTests.Alerts;
using ReputationEngine.LoadTests.Measurement;
using ReputationEngine.LoadTests.Reporting;
using ReputationEngine.LoadTests.Traffic;

namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// Maps alerts to bursts. Each burst owns its topic, so an alert on a burst's topic that arrives after the burst's
/// first mention was sent detects it; any other alert on one of the run's topics is a false alert.
/// </summary>
public static class AlertMatcher
{
    private const double PercentileP50 = 50;
    private const double PercentileP99 = 99;
    private const double MillisPerSecond = 1000;

    public static (BurstSummary Bursts, AlertLatencySummary Latency, int? FalseAlerts, IReadOnlyDictionary<string, int>? FalseAlertsByKind, IReadOnlyDictionary<string, AlertChannelSummary> Channels) Match(
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
            return (new BurstSummary(plans.Count, null, null, items), new AlertLatencySummary(null, null, null), null, null, channels);
        }

        var chosen = perChannelResults[headline];
        var headlineLatencies = chosen.Where(r => r.AlertLatencyMs is not null).Select(r => r.AlertLatencyMs!.Value).ToList();
        var detected = chosen.Count(r => r.Detected == true);

        // False: distinct alerts on the run's topics that no burst explains (any channel).
        var burstStart = plans.ToDictionary(p => topics.Ids[p.Topic], p => tracker.Get(p.Index).FirstSentSec ?? double.MaxValue, StringComparer.Ordinal);
        var unexplained = alerts
            .Where(a => runTopics.Contains(a.TopicId) && (!burstStart.TryGetValue(a.TopicId, out var start) || a.ArrivedAtSec < start))
            .DistinctBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var falseAlerts = unexplained.Count;
        // Which detectors fire without a burst says where to look first.
        var falseByKind = unexplained.GroupBy(a => a.Kind, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (new BurstSummary(plans.Count, detected, plans.Count - detected, chosen),
            new AlertLatencySummary(Percentile(headlineLatencies, PercentileP50), Percentile(headlineLatencies, PercentileP99), headline),
            falseAlerts,
            falseByKind,
            channels);
    }

    private static BurstResult Result(BurstPlan plan, TopicCatalog topics, BurstTracker tracker, IReadOnlyList<ObservedAlert> alerts)
    {
        var topic = topics.Ids[plan.Topic];
        var (firstSent, detectable, accepted) = tracker.Get(plan.Index);
        var alert = firstSent is { } start
            ? alerts.Where(a => a.TopicId == topic && a.ArrivedAtSec >= start).MinBy(a => a.ArrivedAtSec)
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
