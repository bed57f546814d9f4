namespace ReputationEngine.Abstractions.Mentions;

/// <summary>What a mention is in its thread. A share or quote repeats <see cref="Mention.SharedId"/>.</summary>
[GenerateSerializer]
public enum MentionKind : byte
{
    Post = 0,
    Reply = 1,
    Share = 2,
    Quote = 3,
    Review = 4,
}
