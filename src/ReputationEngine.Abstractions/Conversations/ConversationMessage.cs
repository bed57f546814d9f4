using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Conversations;

/// <summary>One message of a conversation as staff see it in the case (bounded; erased with its author).</summary>
[GenerateSerializer, Immutable]
public sealed record ConversationMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string AuthorId,
    [property: Id(2)] bool IsBrand,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] MentionKind Kind,
    [property: Id(5)] string Text,
    [property: Id(6)] SentimentLabel Label,
    [property: Id(7)] float Score);
