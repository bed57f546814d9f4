namespace ReputationEngine.Analytics.Detection;

/// <summary>Mention kinds of the ingest contract (DESIGN §4.2).</summary>
public enum MentionKind : byte
{
    Post = 0,
    Reply = 1,
    Share = 2,
    Quote = 3,
    Review = 4,
}
