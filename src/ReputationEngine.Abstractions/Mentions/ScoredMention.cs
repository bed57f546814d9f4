namespace ReputationEngine.Abstractions.Mentions;

/// <summary>
/// A mention after the ingest worker scored and routed it. <see cref="Sequence"/> is its position in
/// the mention log of its <see cref="MentionBatch.Partition"/>; grains use it to apply each mention once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoredMention(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Mention Mention,
    [property: Id(2)] SentimentLabel Label,
    [property: Id(3)] float Score,
    [property: Id(4)] string[] Topics);
