using System.Collections.Concurrent;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// Conversation seeds (<see cref="ConversationSeeder"/>) whose writes are still in flight, per silo. Ingest does not
/// wait for them: a batch goes on as soon as its seeds are folded, and the writes (and, where a conversation existed
/// already, the post's application through its grain) finish in the background. Two things wait instead: a later
/// batch that has a mention of a pending conversation (so the post is applied before it, in log order), and the
/// partition's checkpoint (so the log is not trimmed past a post whose conversation is not durable yet).
/// </summary>
public sealed class PendingSeeds
{
    private readonly ConcurrentDictionary<string, Task> _byConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(long Sequence, Task Done)>> _byPartition = new(StringComparer.Ordinal);

    /// <summary>Registers one batch's seeds: <paramref name="done"/> completes when all of them are durable.</summary>
    public void Add(string partition, long lastSequence, IEnumerable<(string ConversationId, Task Done)> conversations, Task done)
    {
        foreach (var (conversationId, seeded) in conversations)
        {
            _byConversation[conversationId] = seeded;
            // Only its own entry: the conversation may have been registered again since (a rewind).
            _ = seeded.ContinueWith(
                (task, state) => ((PendingSeeds)state!)._byConversation.TryRemove(KeyValuePair.Create(conversationId, task)),
                this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _byPartition.GetOrAdd(partition, _ => new ConcurrentQueue<(long, Task)>()).Enqueue((lastSequence, done));
    }

    /// <summary>The seed of this conversation still in flight, if any.</summary>
    public Task? Of(string conversationId) => _byConversation.TryGetValue(conversationId, out var pending) ? pending : null;

    /// <summary>
    /// Waits until every seed of <paramref name="partition"/> up to <paramref name="upTo"/> is durable; throws if one failed
    /// (the checkpoint then fails and the partition replays, which applies those posts again).
    /// </summary>
    public async Task WhenDurableAsync(string partition, long upTo)
    {
        if (!_byPartition.TryGetValue(partition, out var queue))
        {
            return;
        }

        while (queue.TryPeek(out var next) && next.Sequence <= upTo)
        {
            try
            {
                await next.Done;
            }
            finally
            {
                // A failed batch is not waited for again: the replay this failure causes applies its posts anew.
                queue.TryDequeue(out _);
            }
        }
    }
}
