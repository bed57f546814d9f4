using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

/// <summary>Alert ids name their topic, so an action on an alert finds the grain that owns it.</summary>
public static class AlertIds
{
    private const char Separator = '~';

    public static string Create(string topicId, AlertKind kind, long number) =>
        $"{topicId}{Separator}{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}{Separator}{number}";

    public static bool TryGetTopic(string alertId, out string topicId)
    {
        var end = alertId.IndexOf(Separator, StringComparison.Ordinal);
        topicId = end > 0 ? alertId[..end] : "";
        return end > 0;
    }
}
