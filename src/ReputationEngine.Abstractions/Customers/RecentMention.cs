using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Customers;

[GenerateSerializer, Immutable]
public sealed record RecentMention(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string Text,
    [property: Id(3)] SentimentLabel Label,
    [property: Id(4)] float Score,
    [property: Id(5)] string ConversationId,
    [property: Id(6)] string[] Topics);
