using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Ingest;

/// <summary>
/// A scored ingest batch split per target grain. Produced by <see cref="IIngestWorkerGrain.PrepareAsync"/>
/// (parallel, CPU-bound) and applied in log order by <see cref="IIngestWorkerGrain.ApplyAsync"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutedBatch(
    [property: Id(0)] string Partition,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] int Count,
    [property: Id(3)] Dictionary<string, ScoredMention[]> ByTopic,
    [property: Id(4)] Dictionary<string, ScoredMention[]> ByCustomer,
    [property: Id(5)] Dictionary<string, ScoredMention[]> ByConversation);
