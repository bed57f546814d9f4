using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Ingest;

/// <summary>Durable mentions of one log partition, in log order, handed to an ingest worker.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestBatch(
    [property: Id(0)] string Partition,
    [property: Id(1)] LoggedMention[] Items);
