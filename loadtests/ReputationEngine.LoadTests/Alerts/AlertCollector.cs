using System.Diagnostics;
using System.Text.Json;

namespace ReputationEngine.LoadTests.Alerts;

/// <summary>Every alert every channel delivered during the run, first arrival per channel and alert id.</summary>
public sealed class AlertCollector(Stopwatch clock)
{
    private readonly Dictionary<(string Channel, string Id), ObservedAlert> _alerts = [];
    private readonly HashSet<string> _available = [];
    private readonly Lock _lock = new();

    public void MarkAvailable(string channel)
    {
        using var scope = _lock.EnterScope();
        _available.Add(channel);
    }

    public bool IsAvailable(string channel)
    {
        using var scope = _lock.EnterScope();
        return _available.Contains(channel);
    }

    /// <summary>Records an alert in DESIGN §4.4 shape; anything without an id and topic is ignored.</summary>
    public void Add(string channel, JsonElement alert)
    {
        if (alert.ValueKind != JsonValueKind.Object
            || !alert.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !alert.TryGetProperty("topicId", out var topic) || topic.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var kind = alert.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "unknown";
        var observed = new ObservedAlert(channel, id.GetString()!, topic.GetString()!, kind, clock.Elapsed.TotalSeconds);
        using var scope = _lock.EnterScope();
        _alerts.TryAdd((channel, observed.Id), observed);
    }

    public IReadOnlyList<ObservedAlert> Snapshot()
    {
        using var scope = _lock.EnterScope();
        return [.. _alerts.Values.OrderBy(a => a.ArrivedAtSec)];
    }
}
