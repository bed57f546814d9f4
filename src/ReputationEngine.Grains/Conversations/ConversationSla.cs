using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Grains.Ingest;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// The conversation grain's view of its topics' response SLAs: settings (from the silo's topic cache), the waiting
/// customer's influence, and evaluation per topic. Raising happens in <see cref="SlaAlerts"/>.
/// </summary>
public sealed class ConversationSla(IGrainFactory grains, TopicRulesCache topics, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, SlaSettings>> SettingsAsync(IReadOnlyCollection<string> topicIds)
    {
        var snapshot = await topics.GetAsync(grains, TopicRulesCache.PerGrainMaxAge, topicIds);
        return topicIds.ToDictionary(t => t, t => SlaSettings.From(snapshot.Definitions.GetValueOrDefault(t)?.Alerting), StringComparer.Ordinal);
    }

    /// <summary>The customer's CRM influence, or what their followers alone give when the CRM knows less.</summary>
    public async Task<double> InfluenceAsync(string customerId, long followers)
    {
        var known = await grains.GetCachedGrain<ICustomerGrain>(customerId).GetInfluenceAsync();
        return Math.Max(known, InfluenceByFollowers(followers, time.GetUtcNow()));
    }

    /// <summary>The influence of an author the CRM knows nothing else about.</summary>
    public static double InfluenceByFollowers(long followers, DateTimeOffset now) =>
        InfluenceModel.Compute(new InfluenceInputs(followers, 0, 0, 0, now), now).Value;

    /// <summary>Whether any topic's SLA applies to a conversation (negative or not).</summary>
    public static bool Applies(IReadOnlyDictionary<string, SlaSettings> settings, bool negative) =>
        settings.Values.Any(s => s.Enabled && (negative || !s.NegativeOnly));

    /// <summary>Per topic: its SLA status for <paramref name="conversation"/> at <paramref name="now"/>.</summary>
    public static IEnumerable<(string Topic, SlaStatus Status)> Evaluate(
        IReadOnlyDictionary<string, SlaSettings> settings, SlaCase conversation, DateTimeOffset now) =>
        settings.Select(p => (p.Key, ResponseSla.Evaluate(conversation, p.Value, now))).Where(p => p.Item2.DueAt is not null);
}
