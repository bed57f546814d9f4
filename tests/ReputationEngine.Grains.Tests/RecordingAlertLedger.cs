using System.Collections.Concurrent;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;

namespace ReputationEngine.Grains.Tests;

/// <summary>An alert ledger that keeps every recorded change in memory (what `reputation replay` does with NDJSON).</summary>
public sealed class RecordingAlertLedger : IAlertLedger
{
    private readonly ConcurrentQueue<AlertChange> _changes = new();

    public IReadOnlyList<AlertChange> Changes => [.. _changes];

    public Task RecordAsync(AlertChange change)
    {
        _changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
