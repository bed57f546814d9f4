using System.Diagnostics;

namespace ReputationEngine.LoadTests.Engine;

/// <summary>
/// Samples the engine process once per <see cref="Interval"/>: its own process when the engine runs in-process
/// (then the figures include the load generator), or the process given by <c>--engine-pid</c>.
/// </summary>
public sealed class ProcessSampler(int? processId)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const double BytesPerMb = 1024 * 1024;

    private readonly List<ResourceSample> _samples = [];
    private readonly Lock _lock = new();

    public bool InProcess => processId is null;

    public IReadOnlyList<ResourceSample> Samples
    {
        get
        {
            using var scope = _lock.EnterScope();
            return [.. _samples];
        }
    }

    public ResourceSample? Latest
    {
        get
        {
            using var scope = _lock.EnterScope();
            return _samples.Count == 0 ? null : _samples[^1];
        }
    }

    /// <summary>CPU time the engine process has used so far.</summary>
    public TimeSpan TotalCpu()
    {
        try
        {
            using var process = processId is { } id ? Process.GetProcessById(id) : Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero;
        }
    }

    public async Task RunAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var process = processId is { } id ? Process.GetProcessById(id) : Process.GetCurrentProcess();
        var lastCpu = process.TotalProcessorTime;
        var lastWall = clock.Elapsed;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var wall = clock.Elapsed;
                var percent = 100 * (cpu - lastCpu).TotalSeconds / Math.Max((wall - lastWall).TotalSeconds, 1e-3) / Environment.ProcessorCount;
                (lastCpu, lastWall) = (cpu, wall);
                var gc = InProcess ? GC.GetGCMemoryInfo().HeapSizeBytes / BytesPerMb : (double?)null;
                using var scope = _lock.EnterScope();
                _samples.Add(new ResourceSample(wall.TotalSeconds, percent, process.WorkingSet64 / BytesPerMb, gc));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
            // The engine process exited; what was sampled stays.
        }
    }
}
