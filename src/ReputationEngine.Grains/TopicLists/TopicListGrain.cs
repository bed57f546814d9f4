using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace ReputationEngine.Grains.TopicLists;

/// <summary>
/// A topic's bounded list of summaries (customers or cases), kept in memory and written as rows to the
/// <see cref="ITopicListStore"/>: only the entries added, changed or evicted since the last flush. Flushed every
/// <see cref="FlushPeriod"/> and on deactivation; a crash loses at most that much of the list, never a grain's own
/// state (each entry is pushed again when its customer or conversation next changes).
/// </summary>
public abstract class TopicListGrain<TSummary> : Grain
    where TSummary : class
{
    public const int MaxEntries = 2_000;

    /// <summary>Evictions free this many places at once, so a full list does not sort on every upsert.</summary>
    public const int EvictionSlack = 100;

    public static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(15);

    private readonly ITopicListStore _store;
    private readonly Serializer _serializer;
    private readonly ILogger _logger;
    private readonly Dictionary<string, TSummary> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    protected TopicListGrain(ITopicListStore store, Serializer serializer, ILogger logger)
    {
        _store = store;
        _serializer = serializer;
        _logger = logger;
    }

    /// <summary>The list's name in the store ("customers", "conversations").</summary>
    protected abstract string ListName { get; }

    protected IReadOnlyCollection<TSummary> Entries => _entries.Values;

    private string Topic => this.GetPrimaryKeyString();

    protected abstract string IdOf(TSummary summary);

    /// <summary>The entries in the order they are dropped when the list is full (first = dropped first).</summary>
    protected abstract IEnumerable<TSummary> EvictionOrder(IEnumerable<TSummary> entries);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await _store.LoadAsync(ListName, Topic))
        {
            _entries[row.EntryId] = _serializer.Deserialize<TSummary>(row.Payload) ?? throw new InvalidDataException($"Empty {ListName} entry {row.EntryId} of topic {Topic}.");
        }

        this.RegisterGrainTimer(FlushAsync, FlushPeriod, FlushPeriod);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await FlushAsync();

    /// <summary>
    /// Moves a list kept by an earlier version as one grain state into rows (once: the old state is cleared after).
    /// </summary>
    protected async Task ImportLegacyStateAsync<TState>(IPersistentState<TState> legacy, Func<TState, IEnumerable<TSummary>> entries)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        ArgumentNullException.ThrowIfNull(entries);
        if (!legacy.RecordExists)
        {
            return;
        }

        Upsert(entries(legacy.State).Where(e => !_entries.ContainsKey(IdOf(e))));
        // Not FlushAsync, which keeps failures for the next flush: the old state may only go once the rows are written.
        var (upserts, deletes) = TakePending();
        await _store.WriteAsync(ListName, Topic, upserts, deletes);
        await legacy.ClearStateAsync();
    }

    protected void Upsert(IEnumerable<TSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            var id = IdOf(summary);
            _entries[id] = summary;
            _changed.Add(id);
            _removed.Remove(id);
        }

        if (_entries.Count > MaxEntries)
        {
            foreach (var evicted in EvictionOrder(_entries.Values).Take(_entries.Count - MaxEntries + EvictionSlack).ToArray())
            {
                Remove(IdOf(evicted));
            }
        }
    }

    protected bool Remove(string id)
    {
        if (!_entries.Remove(id))
        {
            return false;
        }

        _changed.Remove(id);
        _removed.Add(id);
        return true;
    }

    protected async Task FlushAsync()
    {
        if (_changed.Count == 0 && _removed.Count == 0)
        {
            return;
        }

        var (upserts, deletes) = TakePending();
        try
        {
            await _store.WriteAsync(ListName, Topic, upserts, deletes);
        }
        catch (Exception ex)
        {
            // Written at the next flush, unless a later change superseded the entry meanwhile.
            foreach (var row in upserts.Where(r => _entries.ContainsKey(r.EntryId)))
            {
                _changed.Add(row.EntryId);
            }

            foreach (var id in deletes.Where(id => !_entries.ContainsKey(id)))
            {
                _removed.Add(id);
            }

            _logger.LogWarning(ex, "Writing the {List} list of topic {Topic} failed; retrying at the next flush", ListName, Topic);
        }
    }

    /// <summary>The rows to write for what changed since the last write; serialized now, as the entries are at this turn.</summary>
    private (TopicListRow[] Upserts, string[] Deletes) TakePending()
    {
        var upserts = _changed.Select(id => new TopicListRow(id, _serializer.SerializeToArray(_entries[id]))).ToArray();
        var deletes = _removed.ToArray();
        _changed.Clear();
        _removed.Clear();
        return (upserts, deletes);
    }
}
