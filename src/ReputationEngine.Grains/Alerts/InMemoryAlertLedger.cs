using System.Collections.Concurrent;
using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

/// <summary>
/// Keeps alert changes in memory, in the order recorded: the ledger of `reputation replay` (which writes
/// them out as NDJSON at the end) and of in-process test clusters. Listeners are called as in the server.
/// </summary>
public sealed class InMemoryAlertLedger(IEnumerable<IAlertListener> listeners) : IAlertLedger
{
    private readonly ConcurrentQueue<AlertChange> _changes = new();
    private readonly IAlertListener[] _listeners = [.. listeners];

    public IReadOnlyCollection<AlertChange> Changes => _changes;

    public async Task RecordAsync(AlertChange change)
    {
        _changes.Enqueue(change);
        foreach (var listener in _listeners)
        {
            await listener.OnAlertChangedAsync(change);
        }
    }
}
