using System.Collections.Concurrent;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;

namespace ReputationEngine.Cli.Replay;

/// <summary>Which topics have an active (not resolved) alert during a replay: those the driver checks for silence.</summary>
public sealed class ReplayActiveAlerts : IAlertListener
{
    private readonly ConcurrentDictionary<string, string> _active = new(StringComparer.Ordinal);

    public Task OnAlertChangedAsync(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Alert.State == AlertState.Resolved)
        {
            _active.TryRemove(change.Alert.Id, out _);
        }
        else
        {
            _active[change.Alert.Id] = change.Alert.TopicId;
        }

        return Task.CompletedTask;
    }

    /// <summary>Topics with an active alert, in a fixed (ordinal) order.</summary>
    public string[] Topics() => [.. _active.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
