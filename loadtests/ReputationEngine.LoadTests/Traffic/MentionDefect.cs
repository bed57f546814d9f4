namespace ReputationEngine.LoadTests.Traffic;

/// <summary>What is wrong with an item sent on purpose as invalid, as real feeds send now and then.</summary>
public enum MentionDefect
{
    None = 0,
    EmptyText,
    MissingAuthor,
    UnknownSource,
    FarFuture,
}
