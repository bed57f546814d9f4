namespace ReputationEngine.Abstractions.Mentions;

/// <summary>
/// The mentions of one log partition that concern one grain, in ascending <see cref="ScoredMention.Sequence"/>.
/// One batch is one grain call: the engine never calls a grain per mention.
/// <see cref="ExpectedApplied"/> (when not 0) is the last sequence of this partition the dispatcher sent the
/// grain since its last checkpoint: a grain whose watermark is lower lost applied work (its silo died) and
/// refuses the batch, so the dispatcher replays from the checkpoint instead of skipping past the gap.
/// With <see cref="Flush"/> the grain writes its state after applying (the checkpoint's verified flush).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MentionBatch(
    [property: Id(0)] string Partition,
    [property: Id(1)] ScoredMention[] Items,
    [property: Id(2)] long ExpectedApplied = 0,
    [property: Id(3)] bool Flush = false);
