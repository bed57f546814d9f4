using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Server.MentionLog;

namespace ReputationEngine.Server.Ingest;

/// <summary>
/// Feeds durable mentions of this process's log partition into the grains, in log order, and checkpoints
/// the log: at most every <see cref="CheckpointInterval"/> it asks every grain touched since the last
/// checkpoint to write its state, then records the highest sequence whose effects are now durable
/// (<see cref="PartitionApplier"/>, which also recovers work lost with a dead silo's grains).
/// At start it first replays what the log holds beyond the checkpoint (work accepted before a crash).
/// Two lanes apply each batch (<see cref="IngestLane"/>): the topics first — detection, alerts and topic dashboards — then
/// the customers and conversations. Under overload the second lane falls behind (it reads the log when too far back to be
/// handed batches in memory) and the first keeps up, so a burst is alerted on while the CRM view catches up.
/// </summary>
public sealed class MentionDispatcher(
    IMentionLogStore store,
    IngestPartition partition,
    IGrainFactory grains,
    PendingSeeds seeds,
    LogWriterBacklog logWriterBacklog,
    IOptions<IngestOptions> options,
    ILogger<MentionDispatcher> logger) : BackgroundService
{
    public const int MaxBatchSize = PartitionApplier.MaxBatchSize;
    public const int MaxQueuedGroups = 512;
    /// <summary>
    /// Batches the topic lane hands to the case lane in memory (each up to 4 000 mentions, or one larger log append); past
    /// that the case lane reads them from the log when it gets there, so a long overload costs log reads, not memory.
    /// </summary>
    public const int MaxQueuedCaseBatches = 16;
    /// <summary>The case lane waits while the topic lane has more than this many mentions to apply (two full batches).</summary>
    public const int MaxTopicBacklogBeforeCasesYield = 2 * MaxBatchSize;
    private static readonly TimeSpan CasesYieldPoll = TimeSpan.FromMilliseconds(20);
    /// <summary>
    /// The log writer waits before its next round while the topic lane is further behind than this (one writer round), so
    /// an alert is never more than about two rounds behind the mentions that raised it, however fast they arrive.
    /// </summary>
    public const int MaxTopicLagBeforeIngestWaits = MentionLogWriter.MaxMentionsPerCommit;
    private static readonly TimeSpan TopicLagPoll = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan MaxTopicLaneWait = TimeSpan.FromSeconds(5);
    /// <summary>
    /// A crash replays at most this much of the log. Each busy topic writes its whole state at every checkpoint; 5 s
    /// halved that cost in a profile but measured no different end to end (docs/benchmarks.md), so it stays short.
    /// </summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<LoggedMention[]> _incoming = Channel.CreateBounded<LoggedMention[]>(
        new BoundedChannelOptions(MaxQueuedGroups) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly PartitionApplier _applier = new(partition.Name, store, grains, seeds, logger);
    private readonly long _maxUncheckpointed = options.Value.MaxUncheckpointedMentions;
    private readonly long _maxCaseLaneBacklog = options.Value.MaxCaseLaneBacklog;
    private readonly Channel<CaseWork> _cases = Channel.CreateBounded<CaseWork>(
        new BoundedChannelOptions(MaxQueuedCaseBatches) { SingleReader = true, SingleWriter = true });
    private long _checkpointWaits;
    private long _accepted;
    private long _topicsApplied;
    /// <summary>The last sequence the topic lane applied but could not hand to the case lane (0: none).</summary>
    private long _casesBehindUpTo;
    private long _applied;
    private long _checkpointed;
    private long _replayedAtStart;
    private long _replayUpTo;
    private long _lastCheckpointTicks = Stopwatch.GetTimestamp();
    private Task _checkpoint = Task.CompletedTask;
    private readonly Lock _checkpointGate = new();

    public IngestStatus Status => new(
        partition.Name,
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _applied),
        Interlocked.Read(ref _checkpointed),
        Interlocked.Read(ref _accepted) - Interlocked.Read(ref _applied),
        Interlocked.Read(ref _replayedAtStart),
        _applier.LastAppliedSequence,
        _applier.CheckpointSequence,
        Interlocked.Read(ref _checkpointWaits),
        Interlocked.Read(ref _topicsApplied),
        _applier.TopicsAppliedSequence);

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

    /// <summary>
    /// Detection first, also at the door: completes when the topic lane is within <see cref="MaxTopicLagBeforeIngestWaits"/>,
    /// or after <see cref="MaxTopicLaneWait"/> at most, so a stalled topic lane (a failing grain call being retried) slows
    /// accepting down but never stops it: the log keeps taking mentions, and the lane applies them once it recovers.
    /// </summary>
    public async ValueTask WaitForTopicLaneAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Interlocked.Read(ref _accepted) - Interlocked.Read(ref _topicsApplied) > MaxTopicLagBeforeIngestWaits)
        {
            if (Stopwatch.GetElapsedTime(started) >= MaxTopicLaneWait)
            {
                logger.LogWarning("Partition {Partition}: the topic lane is {Behind} mentions behind and made no room for {Wait}; logging the next mentions anyway",
                    partition.Name, Interlocked.Read(ref _accepted) - Interlocked.Read(ref _topicsApplied), MaxTopicLaneWait);
                return;
            }

            await Task.Delay(TopicLagPoll, cancellationToken);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read before the server accepts traffic: everything up to here is replay, everything after arrives by channel.
        await _applier.InitializeAsync(cancellationToken);
        _replayUpTo = await store.GetLastSequenceAsync(partition.Name, cancellationToken);
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
        var idleCheckpoints = CheckpointWhenIdleAsync(stoppingToken);
        var cases = RunCaseLaneAsync(stoppingToken);
        try
        {
            await RunTopicLaneAsync(prepared.Reader, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _cases.Writer.TryComplete();
        }

        await producer;
        await cases;
        await idleCheckpoints;
    }

    /// <summary>The topic lane: each prepared batch to its topics, then handed to the case lane.</summary>
    private async Task RunTopicLaneAsync(ChannelReader<Task<RoutedBatch>> prepared, CancellationToken stoppingToken)
    {
        var previous = _applier.TopicsAppliedSequence;
        await foreach (var preparing in prepared.ReadAllAsync(stoppingToken))
        {
            var routed = await preparing;
            await _applier.ApplyAsync(routed, IngestLane.Topics, stoppingToken);
            Interlocked.Add(ref _topicsApplied, routed.Count);
            if (!_cases.Writer.TryWrite(new CaseWork(previous, routed)))
            {
                Interlocked.Exchange(ref _casesBehindUpTo, routed.LastSequence);
            }

            previous = routed.LastSequence;
            StartCheckpointIfDue(stoppingToken);
        }
    }

    /// <summary>
    /// The case lane: the batches the topic lane hands over, in log order; what it could not hand over (the queue was
    /// full) is read back from the log first.
    /// </summary>
    private async Task RunCaseLaneAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (_cases.Reader.TryRead(out var work))
                {
                    if (work.Routed.LastSequence > _applier.CasesAppliedSequence)
                    {
                        await CatchUpFromLogAsync(work.AfterSequence, stoppingToken);
                        await ApplyCasesAsync(work.Routed, stoppingToken);
                    }

                    continue;
                }

                var behind = Interlocked.Read(ref _casesBehindUpTo);
                if (behind > _applier.CasesAppliedSequence)
                {
                    await CatchUpFromLogAsync(behind, stoppingToken);
                    continue;
                }

                if (!await _cases.Reader.WaitToReadAsync(stoppingToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies the log's mentions after the case lane's position, up to <paramref name="upTo"/>, to customers and conversations.</summary>
    private async Task CatchUpFromLogAsync(long upTo, CancellationToken stoppingToken)
    {
        while (_applier.CasesAppliedSequence < upTo)
        {
            var page = (await store.ReadAsync(partition.Name, _applier.CasesAppliedSequence, MaxBatchSize, stoppingToken))
                .Where(m => m.Sequence <= upTo).ToArray();
            if (page.Length == 0)
            {
                // Not expected: the log keeps everything after the checkpoint, which the case lane never passes back over.
                logger.LogError("Partition {Partition}: the log has nothing after {Sequence} up to {UpTo} for the case lane", partition.Name, _applier.CasesAppliedSequence, upTo);
                return;
            }

            await ApplyCasesAsync(await _applier.PrepareAsync(page, stoppingToken), stoppingToken);
        }
    }

    private async Task ApplyCasesAsync(RoutedBatch routed, CancellationToken stoppingToken)
    {
        while (ShouldCasesYield())
        {
            await Task.Delay(CasesYieldPoll, stoppingToken);
        }

        await _applier.ApplyAsync(routed, IngestLane.Cases, stoppingToken);
        Interlocked.Add(ref _applied, routed.Count);
        StartCheckpointIfDue(stoppingToken);
        // Under overload the checkpoints fell ever further behind (each flushes every grain touched since the last,
        // so a late one takes longer still): after three minutes of the firehose 470 000 applied mentions were
        // not checkpointed, all of which a crash would replay. Past the bound the backlog waits in the log instead.
        if (Interlocked.Read(ref _applied) - Interlocked.Read(ref _checkpointed) >= _maxUncheckpointed)
        {
            Interlocked.Increment(ref _checkpointWaits);
            await CheckpointNowAsync(stoppingToken);
        }
    }

    /// <summary>
    /// Accepting and detection first: while the topic lane has a backlog, the CPU is its own; while a log-writer round of
    /// mentions waits to be logged, it goes to taking them in, unless the case lane is already too far behind.
    /// </summary>
    private bool ShouldCasesYield()
    {
        var accepted = Interlocked.Read(ref _accepted);
        return accepted - Interlocked.Read(ref _topicsApplied) > MaxTopicBacklogBeforeCasesYield
            || (logWriterBacklog.Mentions >= MentionLogWriter.MaxMentionsPerCommit && accepted - Interlocked.Read(ref _applied) < _maxCaseLaneBacklog);
    }

    /// <summary>A batch the topic lane applied, for the case lane.</summary>
    /// <param name="AfterSequence">The last sequence of the batch before it in log order: the case lane must be there first.</param>
    /// <param name="Routed">The batch, as prepared once for both lanes.</param>
    private sealed record CaseWork(long AfterSequence, RoutedBatch Routed);

    /// <summary>Flushing runs beside the next batches: grains interleave the two calls safely.</summary>
    private void StartCheckpointIfDue(CancellationToken stoppingToken) => StartCheckpoint(onlyIfDue: true, stoppingToken);

    /// <summary>Waits for the checkpoint in flight, or starts one and waits for it.</summary>
    private Task CheckpointNowAsync(CancellationToken stoppingToken) => StartCheckpoint(onlyIfDue: false, stoppingToken);

    /// <summary>Starts a checkpoint unless one is in flight (and, <paramref name="onlyIfDue"/>, unless one ran within the interval); returns the current one.</summary>
    private Task StartCheckpoint(bool onlyIfDue, CancellationToken stoppingToken)
    {
        using var scope = _checkpointGate.EnterScope();
        if (_checkpoint.IsCompleted && (!onlyIfDue || Stopwatch.GetElapsedTime(_lastCheckpointTicks) >= CheckpointInterval))
        {
            _lastCheckpointTicks = Stopwatch.GetTimestamp();
            _checkpoint = CheckpointAsync(stoppingToken);
        }

        return _checkpoint;
    }

    /// <summary>
    /// The last batches before traffic stops must be checkpointed too, not only when the next batch comes:
    /// otherwise a quiet engine keeps replayable work in its log for no reason.
    /// </summary>
    private async Task CheckpointWhenIdleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                StartCheckpointIfDue(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await _checkpoint;
            await CheckpointAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Also when the host's shutdown timeout cut it short: the log still holds everything after the last
            // checkpoint, and the next start replays it.
            logger.LogWarning(ex, "Final checkpoint did not complete; unflushed work will be replayed at next start");
        }
    }

    private async Task ProduceAsync(ChannelWriter<Task<RoutedBatch>> prepared, CancellationToken stoppingToken)
    {
        try
        {
            var after = _applier.CheckpointSequence;
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
                await prepared.WriteAsync(_applier.PrepareAsync([.. page], stoppingToken), stoppingToken);
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

                await prepared.WriteAsync(_applier.PrepareAsync([.. batch], stoppingToken), stoppingToken);
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

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var applied = Interlocked.Read(ref _applied);
        if (await _applier.CheckpointAsync(cancellationToken))
        {
            Interlocked.Exchange(ref _checkpointed, applied);
        }
    }

    public override void Dispose()
    {
        _applier.Dispose();
        base.Dispose();
    }
}
