using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Server.MentionLog;

/// <summary>
/// Durable storage of accepted mentions, one implementation per database. Appends come from a single
/// writer per process (<see cref="MentionLogWriter"/>), so sequences of a partition grow in commit order.
/// </summary>
public interface IMentionLogStore
{
    /// <summary>Writes the mentions in one transaction; a mention whose id is already logged is a duplicate.</summary>
    Task<AppendOutcome[]> AppendAsync(string partition, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken);

    /// <summary>Mentions of a partition after <paramref name="afterSequence"/>, in log order.</summary>
    Task<IReadOnlyList<LoggedMention>> ReadAsync(string partition, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<long> GetLastSequenceAsync(string partition, CancellationToken cancellationToken);

    Task<long> GetCheckpointAsync(string partition, CancellationToken cancellationToken);

    /// <summary>Records that every mention of the partition up to <paramref name="sequence"/> is durable in grain state.</summary>
    Task SetCheckpointAsync(string partition, long sequence, CancellationToken cancellationToken);

    /// <summary>Whether the partition holds mentions beyond its checkpoint (work a takeover must replay).</summary>
    Task<bool> HasUncheckpointedAsync(string partition, CancellationToken cancellationToken);

    /// <summary>Privacy erasure: the ids of every logged mention by this author.</summary>
    Task<HashSet<string>> MentionIdsByAuthorAsync(string authorId, CancellationToken cancellationToken);

    /// <summary>Privacy erasure: the conversations this author's logged mentions belong to.</summary>
    Task<List<string>> ConversationIdsByAuthorAsync(string authorId, CancellationToken cancellationToken);

    /// <summary>Privacy erasure: blanks the text of every logged mention by this author.</summary>
    Task<int> EraseAuthorTextAsync(string authorId, CancellationToken cancellationToken);

    /// <summary>Deletes checkpointed rows received before <paramref name="olderThan"/> (the dedupe horizon).</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
