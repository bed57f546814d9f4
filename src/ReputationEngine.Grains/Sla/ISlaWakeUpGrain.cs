using Orleans.Concurrency;

namespace ReputationEngine.Grains.Sla;

/// <summary>
/// The conversations to re-check at one moment (a <see cref="SlaWakeUps.Bucket"/> of wall-clock time, its key in
/// ticks): a waiting conversation signs up here instead of holding its activation and a timer until its SLA is due.
/// </summary>
public interface ISlaWakeUpGrain : IGrainWithIntegerKey
{
    /// <summary>One-way: a sign-up must never hold up the ingest batch that made the conversation wait.</summary>
    [OneWay]
    Task AddAsync(string[] conversationIds);

    /// <summary>Asks every signed-up conversation to check its SLA, then forgets them.</summary>
    Task FireAsync();
}

/// <summary>The cluster's list of wake-up buckets still to fire, and the one timer that fires them.</summary>
public interface ISlaScheduleGrain : IGrainWithStringKey
{
    public const string Key = "sla";

    [OneWay]
    Task AddBucketAsync(long bucketTicks);

    /// <summary>Activates the schedule, so buckets left from before a restart still fire (each silo calls it 30 s after start, then every 30 s).</summary>
    Task StartAsync();
}
