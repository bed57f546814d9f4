namespace ReputationEngine.Abstractions.Ingest;

/// <summary>Which grains a batch touched, so the caller can checkpoint them (flush their state) later.</summary>
[GenerateSerializer, Immutable]
public sealed record AppliedBatch(
    [property: Id(0)] long LastSequence,
    [property: Id(1)] string[] Topics,
    [property: Id(2)] string[] Customers,
    [property: Id(3)] string[] Conversations);
