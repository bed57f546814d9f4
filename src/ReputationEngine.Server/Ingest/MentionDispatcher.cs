using System.Diagnostics;
using System.Threading.Channels;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Server.MentionLog;

namespace ReputationEngine.Server.Ingest;

/// <summary>
/// Feeds durable mentions of this process's log partition into the grains, in log order, and checkpoints
/// the log: at most every <see cref="CheckpointInterval"/> it asks every grain touched since the last
/// checkpoint to write its state, then records the highest sequence whose effects are now durable.
/// At start it first replays what the log holds beyond the checkpoint (work accepted before a crash).
/// </summary>
public sealed class MentionDispatcher(
    IMentionLogStore store,
    IngestPartition partition,
    IGrainFactory grains,
    ILogger<MentionDispatcher> logger) : BackgroundService
{
    public const int MaxBatchSize = 4_000;
    public const int MaxQueuedGroups = 512;
    public const int FlushConcurrency = 64;
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly Channel<LoggedMention[]> _incoming = Channel.CreateBounded<LoggedMention[]>(
        new BoundedChannelOptions(MaxQueuedGroups) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly MentionPipeline _pipeline = new(grains);
    private readonly Touched _touched = new();
    private long _accepted;
    private long _applied;
    private long _checkpointed;
    private long _replayedAtStart;
    private long _lastAppliedSequence;
    private long _checkpointSequence;
    private long _replayUpTo;
    private long _lastCheckpointTicks = Stopwatch.GetTimestamp();
    private Task _checkpoint = Task.CompletedTask;

    public IngestStatus Status => new(
        partition.Name,
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _applied),
        Interlocked.Read(ref _checkpointed),
        Interlocked.Read(ref _accepted) - Interlocked.Read(ref _applied),
        Interlocked.Read(ref _replayedAtStart),
        Interlocked.Read(ref _lastAppliedSequence),
        Interlocked.Read(ref _checkpointSequence));

    /// <summary>Called by the log writer, in log order, with mentions that are durable.</summary>
    public async ValueTask EnqueueAsync(LoggedMention[] mentions, CancellationToken cancellationToken)
    {
        if (mentions.Length == 0)
        {
            return;
        }

        Interlocked.Add(ref _accepted, mentions.Length);
        await _incoming.Writer.WriteAsync(mentions, cancellationToken);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read before the server accepts traffic: everything up to here is replay, everything after arrives by channel.
        _checkpointSequence = await store.GetCheckpointAsync(partition.Name, cancellationToken);
        _replayUpTo = await store.GetLastSequenceAsync(partition.Name, cancellationToken);
        _lastAppliedSequence = _checkpointSequence;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prepared = Channel.CreateBounded<Task<RoutedBatch>>(new BoundedChannelOptions(MentionPipeline.PrepareAhead)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var producer = ProduceAsync(prepared.Writer, stoppingToken);
        try
        {
            await foreach (var preparing in prepared.Reader.ReadAllAsync(stoppingToken))
            {
                var routed = await UntilDone(() => preparing, stoppingToken);
                var applied = await UntilDone(() => _pipeline.ApplyAsync(routed), stoppingToken);
                _touched.Add(applied);
                Interlocked.Add(ref _applied, routed.Count);
                Interlocked.Exchange(ref _lastAppliedSequence, routed.LastSequence);
                if (_checkpoint.IsCompleted && Stopwatch.GetElapsedTime(_lastCheckpointTicks) >= CheckpointInterval)
                {
                    // Flushing runs beside the next batches: grains interleave the two calls safely.
                    _lastCheckpointTicks = Stopwatch.GetTimestamp();
                    _checkpoint = CheckpointAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await producer;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await _checkpoint;
            await CheckpointAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The log still holds everything after the last checkpoint; the next start replays it.
            logger.LogWarning(ex, "Final checkpoint failed; unflushed work will be replayed at next start");
        }
    }

    private async Task ProduceAsync(ChannelWriter<Task<RoutedBatch>> prepared, CancellationToken stoppingToken)
    {
        try
        {
            var after = _checkpointSequence;
            while (after < _replayUpTo)
            {
                var page = await store.ReadAsync(partition.Name, after, MaxBatchSize, stoppingToken);
                if (page.Count == 0)
                {
                    break;
                }

                Interlocked.Add(ref _accepted, page.Count);
                Interlocked.Add(ref _replayedAtStart, page.Count);
                after = page[^1].Sequence;
                await prepared.WriteAsync(Prepare([.. page]), stoppingToken);
            }

            if (_replayedAtStart > 0)
            {
                logger.LogInformation("Replaying {Count} mentions accepted before the last stop", _replayedAtStart);
            }

            var batch = new List<LoggedMention>(MaxBatchSize);
            while (await _incoming.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatchSize && _incoming.Reader.TryPeek(out var group)
                    && (batch.Count == 0 || batch.Count + group.Length <= MaxBatchSize))
                {
                    _incoming.Reader.TryRead(out _);
                    batch.AddRange(group);
                }

                await prepared.WriteAsync(Prepare([.. batch]), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            prepared.TryComplete();
        }
    }

    private Task<RoutedBatch> Prepare(LoggedMention[] items) => _pipeline.PrepareAsync(new IngestBatch(partition.Name, items));

    /// <summary>Retries until the grains succeed: a failed batch is re-sent whole (grains skip what they applied).</summary>
    private async Task<T> UntilDone<T>(Func<Task<T>> attempt, CancellationToken stoppingToken)
    {
        var task = attempt();
        while (true)
        {
            try
            {
                return await task;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Ingest batch failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
                task = attempt();
            }
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var upTo = Interlocked.Read(ref _lastAppliedSequence);
        var (topics, customers, conversations) = _touched.Take();
        if (upTo <= _checkpointSequence && topics.Count + customers.Count + conversations.Count == 0)
        {
            return;
        }

        var flushes = topics.Select(id => (Func<Task>)(() => grains.GetGrain<IBrandTopicGrain>(id).FlushAsync()))
            .Concat(customers.Select(id => (Func<Task>)(() => grains.GetGrain<ICustomerGrain>(id).FlushAsync())))
            .Concat(conversations.Select(id => (Func<Task>)(() => grains.GetGrain<IConversationGrain>(id).FlushAsync())));
        try
        {
            await Parallel.ForEachAsync(flushes, new ParallelOptions { MaxDegreeOfParallelism = FlushConcurrency, CancellationToken = cancellationToken },
                async (flush, _) => await flush());
            await store.SetCheckpointAsync(partition.Name, upTo, cancellationToken);
            Interlocked.Exchange(ref _checkpointSequence, upTo);
            Interlocked.Exchange(ref _checkpointed, Interlocked.Read(ref _applied));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep the grains for the next attempt; the log keeps their mentions until a checkpoint succeeds.
            _touched.Return(topics, customers, conversations);
            logger.LogWarning(ex, "Checkpoint up to sequence {Sequence} failed; will retry", upTo);
        }
    }

    /// <summary>Grains touched since the last checkpoint.</summary>
    private sealed class Touched
    {
        private HashSet<string> _topics = new(StringComparer.Ordinal);
        private HashSet<string> _customers = new(StringComparer.Ordinal);
        private HashSet<string> _conversations = new(StringComparer.Ordinal);

        private readonly Lock _lock = new();

        public void Add(AppliedBatch batch)
        {
            using var scope = _lock.EnterScope();
            _topics.UnionWith(batch.Topics);
            _customers.UnionWith(batch.Customers);
            _conversations.UnionWith(batch.Conversations);
        }

        public (HashSet<string> Topics, HashSet<string> Customers, HashSet<string> Conversations) Take()
        {
            using var scope = _lock.EnterScope();
            var taken = (_topics, _customers, _conversations);
            _topics = new(StringComparer.Ordinal);
            _customers = new(StringComparer.Ordinal);
            _conversations = new(StringComparer.Ordinal);
            return taken;
        }

        public void Return(HashSet<string> topics, HashSet<string> customers, HashSet<string> conversations)
        {
            using var scope = _lock.EnterScope();
            _topics.UnionWith(topics);
            _customers.UnionWith(customers);
            _conversations.UnionWith(conversations);
        }
    }
}
