using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Ingest;

/// <summary>
/// A scored ingest batch split per target grain. Produced by <see cref="IIngestWorkerGrain.PrepareAsync"/>
/// (parallel, CPU-bound) and applied in log order by <see cref="IIngestWorkerGrain.ApplyAsync"/>.
/// <see cref="Expected"/> holds, per target (<see cref="RoutedBatch.Key"/>), the sequence the grain must have
/// applied already (see <see cref="Mentions.MentionBatch.ExpectedApplied"/>); the dispatcher sets it before applying.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutedBatch(
    [property: Id(0)] string Partition,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] int Count,
    [property: Id(3)] Dictionary<string, ScoredMention[]> ByTopic,
    [property: Id(4)] Dictionary<string, ScoredMention[]> ByCustomer,
    [property: Id(5)] Dictionary<string, ScoredMention[]> ByConversation,
    [property: Id(6)] Dictionary<string, long>? Expected = null)
{
    public const char TopicKind = 't';
    public const char CustomerKind = 'c';
    public const char ConversationKind = 'v';

    /// <summary>One key space for the three grain kinds: the kind letter, ':' and the grain id.</summary>
    public static string Key(char kind, string id) => $"{kind}:{id}";

    public long ExpectedFor(char kind, string id) => Expected is { } expected && expected.TryGetValue(Key(kind, id), out var sequence) ? sequence : 0;
}
