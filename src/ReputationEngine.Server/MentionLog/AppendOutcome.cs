namespace ReputationEngine.Server.MentionLog;

/// <summary>The log sequence a mention received, or null when its id was already in the log (a duplicate).</summary>
public readonly record struct AppendOutcome(long? Sequence)
{
    public bool IsDuplicate => Sequence is null;
}
