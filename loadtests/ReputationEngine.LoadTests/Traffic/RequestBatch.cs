namespace ReputationEngine.LoadTests.Traffic;

/// <summary>One request body ready to send, with what the harness expects from it.</summary>
public sealed record RequestBatch(
    byte[] Body,
    int Items,
    int Duplicates,
    int Invalid,
    int[] BurstItems,
    TimeSpan ScheduledAt);
