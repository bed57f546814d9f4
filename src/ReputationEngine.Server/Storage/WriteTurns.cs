namespace ReputationEngine.Server.Storage;

/// <summary>
/// SQLite's single writer, taken in turns. An urgent writer (an alert someone waits for) gets the next turn ahead of bulk
/// writers (log appends, grain-state group commits), so under load it waits for at most the transaction in progress instead
/// of the whole queue. Within each class turns are first come, first served.
/// </summary>
public sealed class WriteTurns
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _bulk = new();
    private bool _taken;

    /// <summary>Completes when the caller holds the turn; <see cref="Release"/> ends it.</summary>
    public Task WaitAsync(bool urgent, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        using (_lock.EnterScope())
        {
            if (!_taken)
            {
                _taken = true;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _bulk).Enqueue(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitCancellableAsync(waiter, cancellationToken) : waiter.Task;
    }

    /// <summary>Hands the turn to the next urgent waiter, else the next bulk waiter, else frees it.</summary>
    public void Release()
    {
        while (true)
        {
            TaskCompletionSource? next;
            using (_lock.EnterScope())
            {
                if (!_urgent.TryDequeue(out next) && !_bulk.TryDequeue(out next))
                {
                    _taken = false;
                    return;
                }
            }

            // A waiter that gave up (cancelled) passes the turn on.
            if (next.TrySetResult())
            {
                return;
            }
        }
    }

    private static async Task WaitCancellableAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task;
    }
}
