namespace ReputationEngine.Analytics.Matching;

/// <summary>
/// The matching rules of one topic. Keywords may be phrases ("acme bank"); hashtags and handles are given
/// with or without their '#'/'@'. Any exclude phrase in a mention vetoes the topic.
/// </summary>
public sealed record TopicRule(
    string TopicId,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Handles,
    IReadOnlyList<string> Exclude);
