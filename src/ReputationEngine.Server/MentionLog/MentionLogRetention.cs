using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.MentionLog;

/// <summary>
/// Prunes checkpointed mentions older than <see cref="StorageOptions.LogRetention"/> from the log, which bounds
/// both the log's size and the horizon within which a re-sent mention id is recognised as a duplicate.
/// Every silo prunes; the delete is idempotent.
/// </summary>
public sealed class MentionLogRetention(IMentionLogStore store, StorageOptions options, TimeProvider time, ILogger<MentionLogRetention> logger)
    : BackgroundService
{
    public static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PruneInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var pruned = await store.PruneAsync(time.GetUtcNow() - options.LogRetention, stoppingToken);
                    if (pruned > 0)
                    {
                        logger.LogInformation("Pruned {Count} mentions older than {Retention} from the mention log", pruned, options.LogRetention);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Pruning the mention log failed; will retry");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
