using System.Collections.Concurrent;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Server.Ingest;
using ReputationEngine.Server.MentionLog;

namespace ReputationEngine.Server.Cluster;

/// <summary>
/// Holds this silo's lease on its own mention-log partition (waiting for it at start, so a survivor still
/// replaying it finishes first) and takes over the partitions of silos that died and did not come back:
/// an expired lease whose partition has work beyond its checkpoint is taken, replayed through a
/// <see cref="PartitionApplier"/> under that partition's name (grain watermarks dedupe what was applied),
/// checkpointed and released. Registered before the dispatcher, whose start it gates.
/// </summary>
public sealed class PartitionOwnership(
    PartitionLeaseStore leases,
    IngestPartition partition,
    IMentionLogStore store,
    IGrainFactory grains,
    PendingSeeds seeds,
    ILogger<PartitionOwnership> logger) : BackgroundService
{
    /// <summary>How long a lease lasts without renewal: how soon a survivor takes over a dead silo's partition.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>Renewal and orphan scan period; well under <see cref="LeaseDuration"/>.</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Task> _takeovers = new(StringComparer.Ordinal);

    /// <summary>Partitions of other silos this silo has replayed to their end.</summary>
    public long TakeoversCompleted { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        while (!await leases.TryAcquireAsync(partition.Name, partition.Name, LeaseDuration, cancellationToken))
        {
            logger.LogInformation("Partition {Partition} is being replayed by another silo; waiting for its lease", partition.Name);
            await Task.Delay(RenewInterval, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RenewAndScanAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Partition lease renewal failed; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(_takeovers.Values).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RenewAndScanAsync(CancellationToken stoppingToken)
    {
        if (!await leases.TryAcquireAsync(partition.Name, partition.Name, LeaseDuration, stoppingToken))
        {
            logger.LogError("Lost the lease of partition {Partition} to another silo", partition.Name);
        }

        foreach (var taken in _takeovers.Keys)
        {
            await leases.TryAcquireAsync(taken, partition.Name, LeaseDuration, stoppingToken);
        }

        foreach (var orphan in await leases.FindOrphanedAsync(stoppingToken))
        {
            if (orphan == partition.Name || _takeovers.ContainsKey(orphan)
                || !await leases.TryAcquireAsync(orphan, partition.Name, LeaseDuration, stoppingToken))
            {
                continue;
            }

            _takeovers[orphan] = Task.Run(() => TakeOverAsync(orphan, stoppingToken), CancellationToken.None);
        }
    }

    private async Task TakeOverAsync(string orphan, CancellationToken stoppingToken)
    {
        try
        {
            logger.LogWarning("Taking over partition {Partition} of a silo whose lease expired", orphan);
            using var applier = new PartitionApplier(orphan, store, grains, seeds, logger);
            await applier.InitializeAsync(stoppingToken);
            var after = applier.CheckpointSequence;
            var replayed = 0L;
            while (true)
            {
                var page = await store.ReadAsync(orphan, after, PartitionApplier.MaxBatchSize, stoppingToken);
                if (page.Count == 0)
                {
                    break;
                }

                await applier.ApplyAsync(await applier.PrepareAsync([.. page], stoppingToken), stoppingToken);
                after = page[^1].Sequence;
                replayed += page.Count;
            }

            await applier.CheckpointUntilDoneAsync(stoppingToken);
            await leases.ReleaseAsync(orphan, partition.Name, stoppingToken);
            TakeoversCompleted++;
            logger.LogWarning("Partition {Partition} replayed ({Count} mentions) and released", orphan, replayed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease expires unrenewed once this takeover is forgotten; any silo may try again.
            logger.LogError(ex, "Taking over partition {Partition} failed", orphan);
        }
        finally
        {
            _takeovers.TryRemove(orphan, out _);
        }
    }
}
