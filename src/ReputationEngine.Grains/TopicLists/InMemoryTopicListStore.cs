namespace ReputationEngine.Grains.TopicLists;

/// <summary>Topic lists held in process memory: for <c>reputation replay</c> and grain tests, which keep no database.</summary>
public sealed class InMemoryTopicListStore : ITopicListStore
{
    private readonly Dictionary<(string List, string Topic), Dictionary<string, byte[]>> _lists = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<TopicListRow>> LoadAsync(string list, string topic)
    {
        using (_lock.EnterScope())
        {
            IReadOnlyList<TopicListRow> rows = _lists.TryGetValue((list, topic), out var entries)
                ? [.. entries.Select(e => new TopicListRow(e.Key, e.Value))]
                : [];
            return Task.FromResult(rows);
        }
    }

    public Task WriteAsync(string list, string topic, IReadOnlyCollection<TopicListRow> upserts, IReadOnlyCollection<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        using (_lock.EnterScope())
        {
            if (!_lists.TryGetValue((list, topic), out var entries))
            {
                _lists[(list, topic)] = entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }

            foreach (var row in upserts)
            {
                entries[row.EntryId] = row.Payload;
            }

            foreach (var id in deletes)
            {
                entries.Remove(id);
            }
        }

        return Task.CompletedTask;
    }
}
