namespace ReputationEngine.Abstractions.Mentions;

/// <summary>A mention that is durable in the mention log, not yet scored.</summary>
[GenerateSerializer, Immutable]
public sealed record LoggedMention(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Mention Mention);
