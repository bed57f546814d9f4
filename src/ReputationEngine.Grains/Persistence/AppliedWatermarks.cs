namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// The highest mention-log sequence a grain has applied, per log partition. Batches of one partition reach a
/// grain in log order, so a mention at or below its partition's watermark was applied already: replays after
/// a crash are skipped exactly. Bounded: the partitions least recently seen are forgotten first.
/// </summary>
[GenerateSerializer]
public sealed class AppliedWatermarks
{
    /// <summary>Partitions are processes that accepted mentions; far more than a cluster ever has at once.</summary>
    public const int MaxPartitions = 256;

    [Id(0)] public Dictionary<string, long> Sequences { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, DateTimeOffset> LastSeen { get; set; } = new(StringComparer.Ordinal);

    public bool IsApplied(string partition, long sequence) =>
        Sequences.TryGetValue(partition, out var applied) && sequence <= applied;

    /// <summary>Throws when the grain has not applied <paramref name="expected"/> (0: nothing to check): its applied-but-unwritten work was lost.</summary>
    public void EnsureApplied(string partition, long expected)
    {
        if (expected > 0 && !IsApplied(partition, expected))
        {
            throw new InvalidOperationException(
                $"Applied work lost: partition {partition} expected up to {expected}, state has {Sequences.GetValueOrDefault(partition)}; replay from the checkpoint.");
        }
    }

    public void MarkApplied(string partition, long sequence, DateTimeOffset now)
    {
        if (!Sequences.TryGetValue(partition, out var applied) || sequence > applied)
        {
            Sequences[partition] = sequence;
        }

        LastSeen[partition] = now;
        if (Sequences.Count > MaxPartitions)
        {
            var oldest = LastSeen.MinBy(p => p.Value).Key;
            Sequences.Remove(oldest);
            LastSeen.Remove(oldest);
        }
    }
}
