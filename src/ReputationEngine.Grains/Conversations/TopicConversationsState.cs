using ReputationEngine.Abstractions.Conversations;

namespace ReputationEngine.Grains.Conversations;

/// <summary>How an earlier version kept the whole list as one grain state; read once to move it into rows.</summary>
[GenerateSerializer]
public sealed class TopicConversationsState
{
    [Id(0)] public Dictionary<string, ConversationSummary> Conversations { get; set; } = new(StringComparer.Ordinal);
}
