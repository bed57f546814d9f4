namespace ReputationEngine.Grains.Conversations;

/// <summary>Shares and replies by others that the conversation owes its root author's influence.</summary>
[GenerateSerializer]
public sealed class PendingCredit
{
    [Id(0)] public long Shares { get; set; }
    [Id(1)] public long Replies { get; set; }
    [Id(2)] public long SharerFollowers { get; set; }
    [Id(3)] public DateTimeOffset? LatestAt { get; set; }

    public bool IsEmpty => Shares == 0 && Replies == 0;

    public void Add(bool share, long followers, DateTimeOffset at)
    {
        if (share)
        {
            Shares++;
            SharerFollowers += followers;
        }
        else
        {
            Replies++;
        }

        LatestAt = LatestAt is { } latest && latest > at ? latest : at;
    }

    public void Clear()
    {
        Shares = 0;
        Replies = 0;
        SharerFollowers = 0;
        LatestAt = null;
    }
}
