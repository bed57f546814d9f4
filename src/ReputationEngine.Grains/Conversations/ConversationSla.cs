using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Crm;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// The conversation grain's view of its topics' response SLAs: settings (cached briefly), the waiting
/// customer's influence, and evaluation per topic. Raising happens in <see cref="SlaAlerts"/>.
/// </summary>
public sealed class ConversationSla(IGrainFactory grains, TimeProvider time)
{
    /// <summary>Topic settings are re-read this often, so a changed SLA applies within a minute.</summary>
    public static readonly TimeSpan SettingsTtl = TimeSpan.FromMinutes(1);

    private Dictionary<string, SlaSettings> _settings = new(StringComparer.Ordinal);
    private DateTimeOffset _settingsReadAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyDictionary<string, SlaSettings>> SettingsAsync(IReadOnlyCollection<string> topics)
    {
        var now = time.GetUtcNow();
        if (now - _settingsReadAt > SettingsTtl || topics.Count != _settings.Count || topics.Any(t => !_settings.ContainsKey(t)))
        {
            var definitions = await Task.WhenAll(topics.Select(t => grains.GetGrain<IBrandTopicGrain>(t).GetDefinitionAsync()));
            _settings = topics.Zip(definitions).ToDictionary(p => p.First, p => SlaSettings.From(p.Second?.Alerting), StringComparer.Ordinal);
            _settingsReadAt = now;
        }

        return _settings;
    }

    /// <summary>The customer's CRM influence, or what their followers alone give when the CRM knows less.</summary>
    public async Task<double> InfluenceAsync(string customerId, long followers)
    {
        var known = await grains.GetGrain<ICustomerGrain>(customerId).GetInfluenceAsync();
        var byFollowers = InfluenceModel.Compute(new InfluenceInputs(followers, 0, 0, 0, time.GetUtcNow()), time.GetUtcNow()).Value;
        return Math.Max(known, byFollowers);
    }

    /// <summary>Per topic: its SLA status for <paramref name="conversation"/> at <paramref name="now"/>.</summary>
    public static IEnumerable<(string Topic, SlaStatus Status)> Evaluate(
        IReadOnlyDictionary<string, SlaSettings> settings, SlaCase conversation, DateTimeOffset now) =>
        settings.Select(p => (p.Key, ResponseSla.Evaluate(conversation, p.Value, now))).Where(p => p.Item2.DueAt is not null);
}
