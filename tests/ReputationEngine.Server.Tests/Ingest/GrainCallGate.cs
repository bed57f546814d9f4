using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Server.Tests.Ingest;

/// <summary>
/// A grain call filter that holds one lane's calls until released: the case lane (the ingest workers' share for customers
/// and conversations) or the topic lane (topic grains' batches).
/// </summary>
public sealed class GrainCallGate(Func<IIncomingGrainCallContext, bool> holds) : IIncomingGrainCallFilter
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public static GrainCallGate CaseLane() => new(c => c.InterfaceMethod?.Name == "ApplyCasesAsync");

    public static GrainCallGate TopicLane() =>
        new(c => c.InterfaceMethod?.Name == nameof(IBrandTopicGrain.ApplyAsync) && c.InterfaceMethod.DeclaringType == typeof(IBrandTopicGrain));

    /// <summary>Calls waiting at the gate.</summary>
    public int Held => Volatile.Read(ref _held);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (holds(context))
        {
            Interlocked.Increment(ref _held);
            await _open.Task;
        }

        await context.Invoke();
    }

    public void Release() => _open.TrySetResult();

    public void Abort() => _open.TrySetCanceled();
}
