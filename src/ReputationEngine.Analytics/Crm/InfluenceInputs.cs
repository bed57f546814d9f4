namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// What the engine knows about a customer's pull: their audience, what others did with their posts, and
/// when they were last active. <see cref="SharesReceived"/>, <see cref="RepliesReceived"/> and
/// <see cref="SharerFollowers"/> come from other authors' mentions in conversations the customer started.
/// </summary>
public readonly record struct InfluenceInputs(
    long Followers,
    long SharesReceived,
    long RepliesReceived,
    long SharerFollowers,
    DateTimeOffset? LastActiveAt);
