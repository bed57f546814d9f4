using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Server.MentionLog;

namespace ReputationEngine.Server.Ingest;

/// <summary>
/// Applies one mention-log partition to the grains, in log order, and checkpoints it. It remembers, per grain,
/// the last sequence it sent since the last checkpoint and sends that along as the grain's expected watermark:
/// a grain reactivated after its silo died (having lost applied but unwritten work) refuses the batch, and the
/// checkpoint's flush verifies the same, so instead of skipping past the gap this applier rewinds — replays
/// the log from the checkpoint — and the grains' watermarks drop what they still hold. Used by this silo's
/// <see cref="MentionDispatcher"/> and to replay a dead silo's partition (<see cref="Cluster.PartitionOwnership"/>).
/// The dispatcher applies topics and cases (customers, conversations) as two lanes (<see cref="IngestLane"/>), each in log
/// order; the checkpoint covers what both have applied, and a rewind replays each lane's own range.
/// </summary>
public sealed class PartitionApplier(string partition, IMentionLogStore store, IGrainFactory grains, PendingSeeds seeds, ILogger logger) : IDisposable
{
    public const int MaxBatchSize = 4_000;
    /// <summary>Grains flushing at once: their state writes share group commits, so this is also about the size of one commit.</summary>
    public const int FlushConcurrency = 2_048;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly MentionPipeline _pipeline = new(grains);
    private readonly Dictionary<string, long> _sent = new(StringComparer.Ordinal);
    /// <summary>
    /// Grains of <see cref="_sent"/> flushed by a checkpoint while ahead of it, with the sequence their stored state holds:
    /// until the checkpoint passes that, they need no flush (under overload the topic lane runs far ahead of the case lane,
    /// and its grains are busy while they write).
    /// </summary>
    private readonly Dictionary<string, long> _durable = new(StringComparer.Ordinal);
    private readonly Lock _sentLock = new();
    private readonly SemaphoreSlim _exclusive = new(1, 1);
    /// <summary>One slot per lane while it applies; a rewind takes both, so it never interleaves with a lane.</summary>
    private readonly SemaphoreSlim _applying = new(LaneCount, LaneCount);
    private const int LaneCount = 2;
    private long _checkpointSequence;
    private long _topicsAppliedSequence;
    private long _casesAppliedSequence;
    private volatile bool _rewindRequested;

    public string Partition => partition;

    public long CheckpointSequence => Interlocked.Read(ref _checkpointSequence);

    /// <summary>The last sequence both lanes have applied: what a checkpoint can cover.</summary>
    public long LastAppliedSequence => Math.Min(TopicsAppliedSequence, CasesAppliedSequence);

    public long TopicsAppliedSequence => Interlocked.Read(ref _topicsAppliedSequence);

    public long CasesAppliedSequence => Interlocked.Read(ref _casesAppliedSequence);

    /// <summary>Mentions applied again by rewinds (work a dead silo's grains had lost).</summary>
    public long Rewound { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _checkpointSequence = await store.GetCheckpointAsync(partition, cancellationToken);
        _topicsAppliedSequence = _checkpointSequence;
        _casesAppliedSequence = _checkpointSequence;
    }

    /// <summary>Scores and routes a batch (may run ahead of <see cref="ApplyAsync(RoutedBatch, IngestLane, CancellationToken)"/>; retried until it succeeds).</summary>
    public async Task<RoutedBatch> PrepareAsync(LoggedMention[] items, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await _pipeline.PrepareAsync(new IngestBatch(partition, items));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Preparing a batch of partition {Partition} failed; retrying in {Delay}", partition, RetryDelay);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Applies the batch (the next in log order) to every grain; on failure rewinds to the checkpoint and tries again.</summary>
    public Task ApplyAsync(RoutedBatch routed, CancellationToken cancellationToken) => ApplyAsync(routed, IngestLane.All, cancellationToken);

    /// <summary>
    /// Applies the batch to the grains of <paramref name="lane"/> (the batch must be that lane's next in log order); on
    /// failure rewinds to the checkpoint and tries again.
    /// </summary>
    public async Task ApplyAsync(RoutedBatch routed, IngestLane lane, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_rewindRequested)
            {
                await RewindAsync(cancellationToken);
            }

            bool applied;
            await _applying.WaitAsync(cancellationToken);
            try
            {
                applied = await TryApplyAsync(routed, lane, cancellationToken);
            }
            finally
            {
                _applying.Release();
            }

            if (applied)
            {
                return;
            }

            _rewindRequested = true;
            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    /// <summary>
    /// Makes everything applied so far durable: each grain sent mentions since the last checkpoint writes its state,
    /// after verifying it still holds them; then the checkpoint moves. False (and a rewind is due) when a grain had lost work.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken)
    {
        await _exclusive.WaitAsync(cancellationToken);
        try
        {
            var upTo = LastAppliedSequence;
            KeyValuePair<string, long>[] pending;
            using (_sentLock.EnterScope())
            {
                pending = [.. _sent.Where(p => !(_durable.TryGetValue(p.Key, out var durable) && durable >= upTo))];
            }

            if (upTo <= CheckpointSequence && pending.Length == 0)
            {
                return true;
            }

            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = FlushConcurrency, CancellationToken = cancellationToken },
                async (grain, _) => await VerifiedFlushAsync(grain.Key, grain.Value));
            // Conversations written without their grains (new posts) are durable once their seeds are.
            await seeds.WhenDurableAsync(partition, upTo);
            await store.SetCheckpointAsync(partition, upTo, cancellationToken);
            Interlocked.Exchange(ref _checkpointSequence, upTo);
            using (_sentLock.EnterScope())
            {
                foreach (var (key, sequence) in pending)
                {
                    if (!_sent.TryGetValue(key, out var current))
                    {
                        continue;
                    }

                    if (current <= upTo)
                    {
                        _sent.Remove(key);
                        _durable.Remove(key);
                    }
                    else
                    {
                        _durable[key] = sequence;
                    }
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _rewindRequested = true;
            logger.LogWarning(ex, "Checkpoint of partition {Partition} failed; replaying from sequence {Sequence}", partition, CheckpointSequence);
            return false;
        }
        finally
        {
            _exclusive.Release();
        }
    }

    /// <summary>Checkpoints until it succeeds, rewinding whenever a grain had lost work.</summary>
    public async Task CheckpointUntilDoneAsync(CancellationToken cancellationToken)
    {
        while (!await CheckpointAsync(cancellationToken))
        {
            await Task.Delay(RetryDelay, cancellationToken);
            await RewindAsync(cancellationToken);
        }
    }

    private async Task<bool> TryApplyAsync(RoutedBatch routed, IngestLane lane, CancellationToken cancellationToken)
    {
        AppliedBatch applied;
        try
        {
            var expecting = routed with { Expected = ExpectedFor(routed, lane) };
            applied = await (lane switch
            {
                IngestLane.Topics => _pipeline.ApplyTopicsAsync(expecting),
                IngestLane.Cases => _pipeline.ApplyCasesAsync(expecting),
                _ => _pipeline.ApplyAsync(expecting),
            });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Applying partition {Partition} up to {Sequence} failed; replaying from the checkpoint", partition, routed.LastSequence);
            return false;
        }

        Record(routed, applied, lane);
        if (lane != IngestLane.Cases)
        {
            Interlocked.Exchange(ref _topicsAppliedSequence, routed.LastSequence);
        }

        if (lane != IngestLane.Topics)
        {
            Interlocked.Exchange(ref _casesAppliedSequence, routed.LastSequence);
        }

        return true;
    }

    /// <summary>
    /// Replays each lane's range, (checkpoint, what the lane applied], with no expectations, so reactivated grains catch up.
    /// Both lanes wait meanwhile.
    /// </summary>
    private async Task RewindAsync(CancellationToken cancellationToken)
    {
        await _exclusive.WaitAsync(cancellationToken);
        var held = 0;
        try
        {
            for (; held < LaneCount; held++)
            {
                await _applying.WaitAsync(cancellationToken);
            }

            while (true)
            {
                using (_sentLock.EnterScope())
                {
                    _sent.Clear();
                    _durable.Clear();
                }

                _rewindRequested = false;
                var topicsUpTo = TopicsAppliedSequence;
                var casesUpTo = CasesAppliedSequence;
                var upTo = Math.Max(topicsUpTo, casesUpTo);
                var after = CheckpointSequence;
                var succeeded = true;
                while (after < upTo && succeeded)
                {
                    var page = (await store.ReadAsync(partition, after, MaxBatchSize, cancellationToken)).Where(m => m.Sequence <= upTo).ToArray();
                    if (page.Length == 0)
                    {
                        break;
                    }

                    // Both lanes up to the one behind; beyond it, only the lane ahead.
                    var both = Math.Min(topicsUpTo, casesUpTo);
                    var ahead = topicsUpTo > casesUpTo ? IngestLane.Topics : IngestLane.Cases;
                    LoggedMention[][] parts = [[.. page.Where(m => m.Sequence <= both)], [.. page.Where(m => m.Sequence > both)]];
                    for (var p = 0; p < parts.Length && succeeded; p++)
                    {
                        if (parts[p].Length > 0)
                        {
                            succeeded = await TryApplyAsync(await PrepareAsync(parts[p], cancellationToken), p == 0 ? IngestLane.All : ahead, cancellationToken);
                        }
                    }

                    after = page[^1].Sequence;
                    Rewound += page.Length;
                }

                // TryApplyAsync moved the lanes' applied sequences while replaying; restore them.
                Interlocked.Exchange(ref _topicsAppliedSequence, topicsUpTo);
                Interlocked.Exchange(ref _casesAppliedSequence, casesUpTo);
                if (succeeded)
                {
                    logger.LogInformation("Partition {Partition} replayed from {From} to {To} after lost grain work", partition, CheckpointSequence, upTo);
                    return;
                }

                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
        finally
        {
            if (held > 0)
            {
                _applying.Release(held);
            }

            _exclusive.Release();
        }
    }

    private Dictionary<string, long> ExpectedFor(RoutedBatch routed, IngestLane lane)
    {
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        using var scope = _sentLock.EnterScope();
        foreach (var key in Keys(routed, lane))
        {
            if (_sent.TryGetValue(key.Key, out var sequence))
            {
                expected[key.Key] = sequence;
            }
        }

        return expected;
    }

    /// <summary>
    /// The grains the checkpoint must flush: not the conversations and customers written whole without their grains
    /// (seeded; <see cref="PendingSeeds"/> and the batch itself wait for those).
    /// </summary>
    private void Record(RoutedBatch routed, AppliedBatch applied, IngestLane lane)
    {
        var conversations = ThroughGrains(RoutedBatch.ConversationKind, applied.Conversations, routed.ByConversation.Count);
        var customers = ThroughGrains(RoutedBatch.CustomerKind, applied.Customers, routed.ByCustomer.Count);
        using var scope = _sentLock.EnterScope();
        foreach (var (key, last) in Keys(routed, lane))
        {
            var throughGrains = key[0] switch
            {
                RoutedBatch.ConversationKind => conversations,
                RoutedBatch.CustomerKind => customers,
                _ => null,
            };
            if (throughGrains is null || throughGrains.Contains(key))
            {
                _sent[key] = last;
            }
        }
    }

    /// <summary>The keys of the grains that applied their part, or null when all of them did (none was seeded).</summary>
    private static HashSet<string>? ThroughGrains(char kind, string[] applied, int routed) =>
        applied.Length == routed ? null : applied.Select(id => RoutedBatch.Key(kind, id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The grains of <paramref name="lane"/> the batch reaches, each with the last sequence it gets.</summary>
    private static IEnumerable<(string Key, long Last)> Keys(RoutedBatch routed, IngestLane lane)
    {
        var topics = lane == IngestLane.Cases ? [] : routed.ByTopic.Select(p => (RoutedBatch.Key(RoutedBatch.TopicKind, p.Key), p.Value[^1].Sequence));
        var cases = lane == IngestLane.Topics ? [] :
            routed.ByCustomer.Select(p => (RoutedBatch.Key(RoutedBatch.CustomerKind, p.Key), p.Value[^1].Sequence))
                .Concat(routed.ByConversation.Select(p => (RoutedBatch.Key(RoutedBatch.ConversationKind, p.Key), p.Value[^1].Sequence)));
        return topics.Concat(cases);
    }

    private Task VerifiedFlushAsync(string key, long expected)
    {
        var id = key[2..];
        var check = new MentionBatch(partition, [], expected, Flush: true);
        return key[0] switch
        {
            RoutedBatch.TopicKind => grains.GetCachedGrain<IBrandTopicGrain>(id).CheckpointAsync(partition, expected),
            RoutedBatch.CustomerKind => grains.GetCachedGrain<ICustomerGrain>(id).ApplyAsync(check),
            _ => grains.GetCachedGrain<IConversationGrain>(id).ApplyAsync(check),
        };
    }

    public void Dispose()
    {
        _exclusive.Dispose();
        _applying.Dispose();
    }
}
