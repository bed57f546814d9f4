namespace ReputationEngine.Server.Tests.Ingest;

/// <summary>
/// Holds the ingest's case lane (customers and conversations) at its grain call, as a slow CRM would under overload,
/// while the topic lane goes on. <see cref="Release"/> lets it through; <see cref="Abort"/> cancels what it holds (a stop).
/// </summary>
public sealed class CaseLaneGate : IIncomingGrainCallFilter
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Calls to the case lane waiting at the gate.</summary>
    public int Held => Volatile.Read(ref _held);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == "ApplyCasesAsync")
        {
            Interlocked.Increment(ref _held);
            await _open.Task;
        }

        await context.Invoke();
    }

    public void Release() => _open.TrySetResult();

    public void Abort() => _open.TrySetCanceled();
}
