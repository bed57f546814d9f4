using Microsoft.Extensions.Logging;

namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// A grain's one-shot "write soon": changes made outside ingest (staff actions, SLA checks, engagement credits) are
/// written within <c>delay</c>, coalesced into one flush; what ingest changed, the ingest checkpoint writes. No
/// periodic timer: most customer and conversation activations never need one. A failed flush tries again after
/// the same delay. Call <see cref="Schedule"/> from the grain's own turns.
/// </summary>
/// <remarks>With <c>enabled</c> false (<see cref="CaseGrainOptions.WriteSoon"/>), <see cref="Schedule"/> does nothing.</remarks>
public sealed class FlushSoon(Grain grain, Func<Task> flush, TimeSpan delay, ILogger logger, bool enabled = true)
{
    private IGrainTimer? _timer;

    public void Schedule()
    {
        if (enabled)
        {
            _timer ??= grain.RegisterGrainTimer(RunAsync, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync()
    {
        _timer?.Dispose();
        _timer = null;
        try
        {
            await flush();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Writing {GrainId} failed; retrying in {Delay}", grain.GetGrainId(), delay);
            Schedule();
        }
    }
}
