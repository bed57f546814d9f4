namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// Customer influence in 0..1: more than a follower count.
/// <code>
/// reach         = min(1, log10(1 + followers) / 6)                          1 M followers saturate
/// engagement    = min(1, log10(1 + shares + 0.5 × replies) / 4)             10 000 reactions saturate
/// amplification = min(1, log10(1 + followers of those who shared) / 7)      10 M second-hand audience saturates
/// base          = 0.55 × reach + 0.30 × engagement + 0.15 × amplification
/// recency       = 0.5 + 0.5 × 2^(−days since last activity / 30)
/// influence     = base × recency
/// </code>
/// Logarithms because audiences and cascades are heavy-tailed: 10× the followers is one step, not ten.
/// Engagement is what the customer's own posts caused (shares and answers by others), so a small account
/// whose complaints travel outranks a big silent one. Amplification is the audience their sharers brought.
/// Recency halves the activity-dependent half every 30 days: a dormant account still has its audience.
/// </summary>
public static class InfluenceModel
{
    public const double ReachWeight = 0.55;
    public const double EngagementWeight = 0.30;
    public const double AmplificationWeight = 0.15;

    /// <summary>Decades of followers that saturate reach (10^6).</summary>
    public const double ReachDecades = 6;

    /// <summary>Decades of reactions (shares + weighted replies) that saturate engagement (10^4).</summary>
    public const double EngagementDecades = 4;

    /// <summary>Decades of sharers' followers that saturate amplification (10^7).</summary>
    public const double AmplificationDecades = 7;

    /// <summary>A reply says "I read you" but spreads less than a share.</summary>
    public const double ReplyWeight = 0.5;

    public const double RecencyHalfLifeDays = 30;

    /// <summary>The part of influence that never decays with inactivity.</summary>
    public const double RecencyFloor = 0.5;

    /// <summary>From this value on, influence counts as high (about 100 k followers, or fewer with engagement).</summary>
    public const double HighInfluence = 0.5;

    public static InfluenceScore Compute(in InfluenceInputs inputs, DateTimeOffset now)
    {
        var reach = Saturate(Math.Max(0, inputs.Followers), ReachDecades);
        var reactions = Math.Max(0, inputs.SharesReceived) + (ReplyWeight * Math.Max(0, inputs.RepliesReceived));
        var engagement = Saturate(reactions, EngagementDecades);
        var amplification = Saturate(Math.Max(0, inputs.SharerFollowers), AmplificationDecades);
        var recency = Recency(inputs.LastActiveAt, now);
        var value = ((ReachWeight * reach) + (EngagementWeight * engagement) + (AmplificationWeight * amplification)) * recency;
        return new InfluenceScore(Math.Clamp(value, 0, 1), reach, engagement, amplification, recency);
    }

    /// <summary>1 when active now, 0.75 after one half-life, towards <see cref="RecencyFloor"/> after that.</summary>
    public static double Recency(DateTimeOffset? lastActiveAt, DateTimeOffset now)
    {
        if (lastActiveAt is not { } last)
        {
            return RecencyFloor;
        }

        var days = Math.Max(0, (now - last).TotalDays);
        return RecencyFloor + ((1 - RecencyFloor) * Math.Pow(2, -days / RecencyHalfLifeDays));
    }

    private static double Saturate(double amount, double decades) => Math.Min(1, Math.Log10(1 + amount) / decades);
}
