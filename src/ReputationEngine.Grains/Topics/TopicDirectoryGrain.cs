using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Topics;

public sealed class TopicDirectoryGrain(
    [PersistentState("topics", StorageNames.Default)] IPersistentState<TopicDirectoryState> state,
    TimeProvider time) : Grain, ITopicDirectoryGrain
{
    /// <summary>A bound on topics so a feed naming random topic ids cannot grow the directory forever.</summary>
    public const int MaxTopics = 10_000;

    public async Task UpsertAsync(TopicDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!state.State.Topics.ContainsKey(definition.Id) && state.State.Topics.Count >= MaxTopics)
        {
            throw new InvalidOperationException($"At most {MaxTopics} topics can be defined.");
        }

        // An implicit definition never replaces an explicit one that raced it.
        if (state.State.Topics.TryGetValue(definition.Id, out var existing) && existing.UpdatedAt > definition.UpdatedAt)
        {
            return;
        }

        state.State.Topics[definition.Id] = definition;
        state.State.Version++;
        await state.WriteStateAsync();
    }

    public async Task<int> EnsureAsync(string[] topicIds)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        var added = 0;
        foreach (var id in topicIds)
        {
            if (!state.State.Topics.ContainsKey(id) && state.State.Topics.Count < MaxTopics)
            {
                state.State.Topics[id] = TopicDefinition.Implicit(id, time.GetUtcNow());
                added++;
            }
        }

        if (added > 0)
        {
            state.State.Version++;
            await state.WriteStateAsync();
        }

        return added;
    }

    public Task<TopicDefinition[]> GetAllAsync() =>
        Task.FromResult(state.State.Topics.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray());

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);
}
