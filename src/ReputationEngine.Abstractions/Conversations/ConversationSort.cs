namespace ReputationEngine.Abstractions.Conversations;

[GenerateSerializer]
public enum ConversationSort : byte
{
    /// <summary>Longest-waiting customer first.</summary>
    Waiting = 0,
    /// <summary>Most spreading first.</summary>
    Virality = 1,
    /// <summary>Latest activity first.</summary>
    Recent = 2,
}
