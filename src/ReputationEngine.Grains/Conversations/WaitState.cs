namespace ReputationEngine.Grains.Conversations;

/// <summary>The customer wait the brand has not answered yet, and what the SLA did about it.</summary>
[GenerateSerializer]
public sealed class WaitState
{
    /// <summary>The first unanswered customer message (event time); null when nobody waits.</summary>
    [Id(0)] public DateTimeOffset? Since { get; set; }
    [Id(1)] public string? AuthorId { get; set; }
    [Id(2)] public long AuthorFollowers { get; set; }
    /// <summary>The waiting customer's influence, asked once per wait.</summary>
    [Id(3)] public double? Influence { get; set; }
    [Id(4)] public DateTimeOffset? DueAt { get; set; }
    /// <summary>Set when this wait's breach was raised: one alert per breach.</summary>
    [Id(5)] public DateTimeOffset? BreachedAt { get; set; }
    /// <summary>The last wait's breach, kept for the summary after the brand answered late.</summary>
    [Id(6)] public DateTimeOffset? LastBreachedAt { get; set; }

    public void Start(DateTimeOffset since, string authorId, long followers)
    {
        Since = since;
        AuthorId = authorId;
        AuthorFollowers = followers;
        Influence = null;
        DueAt = null;
        BreachedAt = null;
    }

    public void End()
    {
        LastBreachedAt = BreachedAt ?? LastBreachedAt;
        Since = null;
        AuthorId = null;
        Influence = null;
        DueAt = null;
        BreachedAt = null;
    }
}
