namespace ReputationEngine.Grains.TopicLists;

/// <summary>
/// Where the topics' customer and case lists live: one row per entry, so a flush writes the entries that changed
/// rather than the whole list. (As one grain state, every 15 s each busy topic rewrote 2 000 summaries: more
/// serialization than the mentions themselves, and large-object garbage on every write.)
/// </summary>
public interface ITopicListStore
{
    Task<IReadOnlyList<TopicListRow>> LoadAsync(string list, string topic);

    /// <summary>Upserts and deletes in one transaction.</summary>
    Task WriteAsync(string list, string topic, IReadOnlyCollection<TopicListRow> upserts, IReadOnlyCollection<string> deletes);
}

/// <summary>One list entry: its id (customer or conversation) and its summary in Orleans binary.</summary>
public sealed record TopicListRow(string EntryId, byte[] Payload);
