namespace ReputationEngine.Abstractions.Conversations;

[GenerateSerializer]
public enum ConversationState : byte
{
    Open = 0,
    Pending = 1,
    Resolved = 2,
}
