namespace ReputationEngine.Abstractions.Mentions;

/// <summary>
/// The mentions of one log partition that concern one grain, in ascending <see cref="ScoredMention.Sequence"/>.
/// One batch is one grain call: the engine never calls a grain per mention.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MentionBatch(
    [property: Id(0)] string Partition,
    [property: Id(1)] ScoredMention[] Items);
