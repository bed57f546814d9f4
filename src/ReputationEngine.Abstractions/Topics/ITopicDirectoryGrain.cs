namespace ReputationEngine.Abstractions.Topics;

/// <summary>
/// The list of topic definitions (single instance, key <see cref="ITopicDirectoryGrain.Key"/>). Ingest workers
/// cache it and refresh when <see cref="GetVersionAsync"/> moves.
/// </summary>
public interface ITopicDirectoryGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    Task UpsertAsync(TopicDefinition definition);

    /// <summary>Adds topics that do not exist yet (implicit topics named by mentions); returns how many were new.</summary>
    Task<int> EnsureAsync(string[] topicIds);

    Task<TopicDefinition[]> GetAllAsync();

    /// <summary>Changes whenever a definition is added or replaced.</summary>
    Task<long> GetVersionAsync();
}
