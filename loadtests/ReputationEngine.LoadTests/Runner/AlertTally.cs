using ReputationEngine.LoadTests.Alerts;

namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// The run's alerts sorted by what they mean, each alert once (by id) however many channels delivered it, and only
/// on the run's own topics. <see cref="FalseAlerts"/>: burst-detector alerts (<see cref="AlertKinds.BurstDetectors"/>)
/// that no burst explains. <see cref="NonBurstAlertsByKind"/>: alerts of every other kind — <c>slaBreach</c> from
/// the CRM rule, and any kind this harness does not know — which are not judged against bursts at all.
/// </summary>
public sealed record AlertTally(
    int FalseAlerts,
    IReadOnlyDictionary<string, int> FalseAlertsByKind,
    int SlaBreaches,
    IReadOnlyDictionary<string, int> NonBurstAlertsByKind)
{
    /// <param name="alerts">Every alert every channel delivered (an alert may appear once per channel).</param>
    /// <param name="runTopics">The run's topic ids: alerts on other topics are not the run's.</param>
    /// <param name="burstStartSec">Per burst topic, when the burst's first mention was sent (harness clock).</param>
    public static AlertTally Of(IReadOnlyList<ObservedAlert> alerts, IReadOnlySet<string> runTopics, IReadOnlyDictionary<string, double> burstStartSec)
    {
        var distinct = alerts.Where(a => runTopics.Contains(a.TopicId)).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        var unexplained = distinct
            .Where(a => AlertKinds.IsBurstDetector(a.Kind)
                && (!burstStartSec.TryGetValue(a.TopicId, out var start) || a.ArrivedAtSec < start))
            .ToList();
        var nonBurst = distinct.Where(a => !AlertKinds.IsBurstDetector(a.Kind)).ToList();
        return new AlertTally(
            unexplained.Count,
            ByKind(unexplained),
            nonBurst.Count(a => a.Kind == AlertKinds.SlaBreach),
            ByKind(nonBurst));
    }

    /// <summary>
    /// For the live display: distinct alerts seen so far, how many came from burst detectors, how many were
    /// <c>slaBreach</c> (whatever is neither has a kind this harness does not know).
    /// </summary>
    public static (int All, int BurstDetectors, int SlaBreaches) Count(IReadOnlyList<ObservedAlert> alerts)
    {
        var distinct = alerts.DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        return (distinct.Count, distinct.Count(a => AlertKinds.IsBurstDetector(a.Kind)), distinct.Count(a => a.Kind == AlertKinds.SlaBreach));
    }

    /// <summary>Most frequent kind first (which detector fires without a burst says where to look first).</summary>
    private static Dictionary<string, int> ByKind(IEnumerable<ObservedAlert> alerts) =>
        alerts.GroupBy(a => a.Kind, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
