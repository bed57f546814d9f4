using System.Collections.Concurrent;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// Conversation seeds (<see cref="ConversationSeeder"/>) whose writes are still in flight, per silo. Ingest does not
/// wait for them: a batch goes on as soon as its seeds are folded, and the writes (and, where a conversation existed
/// already, the post's application through its grain) finish in the background. Two things wait instead: a later
/// batch that has a mention of a pending conversation (so the post is applied before it, in log order), and the
/// partition's checkpoint (so the log is not trimmed past a post whose conversation is not durable yet).
/// </summary>
/// <remarks>
/// Also the silo's bookkeeping for customer seeds (<see cref="Customers.CustomerSeeder"/>), whose inserts their batch
/// does wait for: the inserts in flight (an activation starting meanwhile waits for its customer's), the customer
/// activations living on this silo (no seed may write past one, <see cref="TryClaimCustomer"/>), and the customers this
/// silo applied mentions to before (<see cref="IsCustomerKnown"/>).
/// </remarks>
public sealed class PendingSeeds
{
    private readonly ConcurrentDictionary<string, Task> _byConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(long Sequence, Task Done)>> _byPartition = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _customerSeeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _customerActivations = new(StringComparer.Ordinal);
    private readonly RecentIds _knownCustomers = new(MaxRememberedCustomers);

    /// <summary>Customers remembered as known (see <see cref="IsCustomerKnown"/>), at least; about 100 bytes each.</summary>
    public const int MaxRememberedCustomers = 100_000;

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

    /// <summary>
    /// Claims a customer for a seed whose insert <paramref name="written"/> reports (the write must start only after a
    /// successful claim). Fails when another seed of it is in flight or an activation of it lives on this silo: that
    /// activation may hold mentions or credits not written yet, which an inserted row would make it lose.
    /// </summary>
    /// <remarks>
    /// Registered before the activations are looked at, while an activation registers itself before it looks for a seed
    /// (<see cref="CustomerActivated"/>): one of the two always sees the other, so no activation keeps the empty state it
    /// read while a seed it did not wait for is written.
    /// </remarks>
    public bool TryClaimCustomer(string customerId, Task written)
    {
        if (!_customerSeeds.TryAdd(customerId, written))
        {
            return false;
        }

        if (_customerActivations.ContainsKey(customerId))
        {
            _customerSeeds.TryRemove(KeyValuePair.Create(customerId, written));
            return false;
        }

        return true;
    }

    /// <summary>Ends a claim once its insert is done: succeeded or not, the customer's row exists now.</summary>
    public void ReleaseCustomer(string customerId, Task written, bool stored)
    {
        if (stored)
        {
            RememberCustomer(customerId);
        }

        _customerSeeds.TryRemove(KeyValuePair.Create(customerId, written));
    }

    /// <summary>A customer this silo applied mentions to: its row exists, or will once its grain is flushed.</summary>
    public void RememberCustomer(string customerId) => _knownCustomers.Add(customerId);

    /// <summary>
    /// Whether this silo applied mentions to the customer before (seeded, or through its grain). Such a customer goes
    /// straight to its grain: an insert would most likely fail. Never wrong, only slower when wrong: the grain path is
    /// right for any customer, and a forgotten one (the memory is bounded) just tries an insert that fails.
    /// </summary>
    public bool IsCustomerKnown(string customerId) => _knownCustomers.Contains(customerId);

    /// <summary>The insert of this customer's seed still in flight, if any.</summary>
    public Task? CustomerSeed(string customerId) => _customerSeeds.TryGetValue(customerId, out var written) ? written : null;

    /// <summary>
    /// An activation of the customer starts on this silo: no seed claims the customer until <see cref="CustomerDeactivated"/>.
    /// Returns the insert of a seed claimed before, which the activation must wait for and then read the state again.
    /// </summary>
    public Task? CustomerActivated(string customerId)
    {
        _customerActivations.AddOrUpdate(customerId, 1, (_, count) => count + 1);
        return CustomerSeed(customerId);
    }

    public void CustomerDeactivated(string customerId)
    {
        while (_customerActivations.TryGetValue(customerId, out var count))
        {
            if (count <= 1
                ? _customerActivations.TryRemove(KeyValuePair.Create(customerId, count))
                : _customerActivations.TryUpdate(customerId, count - 1, count))
            {
                return;
            }
        }
    }

    /// <summary>
    /// The ids added most recently, at least <c>capacity</c> of them: two generations, the older dropped whole when the
    /// newer fills (no per-entry bookkeeping).
    /// </summary>
    private sealed class RecentIds(int capacity)
    {
        private readonly Lock _lock = new();
        private HashSet<string> _current = new(StringComparer.Ordinal);
        private HashSet<string> _previous = new(StringComparer.Ordinal);

        public void Add(string id)
        {
            lock (_lock)
            {
                if (_current.Add(id) && _current.Count >= capacity)
                {
                    _previous = _current;
                    _current = new HashSet<string>(StringComparer.Ordinal);
                }
            }
        }

        public bool Contains(string id)
        {
            lock (_lock)
            {
                return _current.Contains(id) || _previous.Contains(id);
            }
        }
    }
}
