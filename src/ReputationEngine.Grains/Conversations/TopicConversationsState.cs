using ReputationEngine.Abstractions.Conversations;

namespace ReputationEngine.Grains.Conversations;

[GenerateSerializer]
public sealed class TopicConversationsState
{
    [Id(0)] public Dictionary<string, ConversationSummary> Conversations { get; set; } = new(StringComparer.Ordinal);
}
