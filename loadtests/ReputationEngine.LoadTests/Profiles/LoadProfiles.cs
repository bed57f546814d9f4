namespace ReputationEngine.LoadTests.Profiles;

/// <summary>The named profiles of DESIGN §4.8.</summary>
public static class LoadProfiles
{
    /// <summary>Twitter's all-time record peak (posts per second), the firehose aim.</summary>
    public const double RecordPeakPostsPerSec = 143_199;

    public const string SmokeName = "smoke";
    public const string FirehoseName = "firehose";
    public const string SoakName = "soak";

    public static IReadOnlyList<string> Names { get; } = [SmokeName, FirehoseName, SoakName];

    /// <summary>
    /// CI: under a minute end to end, three bursts, every accepted mention checked. The rate is small on purpose:
    /// CI proves the pipeline end to end (nothing lost, bursts and alerts matched); capacity is firehose's job.
    /// </summary>
    public static LoadProfile Smoke { get; } = new()
    {
        Name = SmokeName,
        Duration = TimeSpan.FromSeconds(16),
        BaselineRatePerSec = 150,
        TargetRatePerSec = 240,
        Topics = 30,
        Authors = 5_000,
        HawkesBursts = 2,
        CascadeReplays = 1,
        BurstSize = 600,
        BurstLength = TimeSpan.FromSeconds(5),
        Warmup = TimeSpan.FromSeconds(5),
        BatchSize = 100,
        Concurrency = 4,
        EventTimeScale = 30,
        DailyCycle = TimeSpan.FromSeconds(16),
        DrainTimeout = TimeSpan.FromSeconds(20),
        AlertGrace = TimeSpan.FromSeconds(3),
    };

    /// <summary>The record peak as a burst mix: baseline chatter plus viral cascades that are mostly shares.</summary>
    public static LoadProfile Firehose { get; } = new()
    {
        Name = FirehoseName,
        Duration = TimeSpan.FromSeconds(30),
        BaselineRatePerSec = 100_000,
        TargetRatePerSec = RecordPeakPostsPerSec,
        Topics = 500,
        Authors = 1_000_000,
        HawkesBursts = 3,
        CascadeReplays = 3,
        BurstSize = 100_000,
        BurstLength = TimeSpan.FromSeconds(8),
        Warmup = TimeSpan.FromSeconds(8),
        BatchSize = 5_000,
        Concurrency = 16,
        EventTimeScale = 10,
        DailyCycle = TimeSpan.FromSeconds(30),
        DailyAmplitude = 0.2,
        DrainTimeout = TimeSpan.FromSeconds(90),
        AlertGrace = TimeSpan.FromSeconds(5),
    };

    /// <summary>An hour at a steady rate with occasional bursts; memory must stay flat.</summary>
    public static LoadProfile Soak { get; } = new()
    {
        Name = SoakName,
        Duration = TimeSpan.FromHours(1),
        BaselineRatePerSec = 5_000,
        TargetRatePerSec = 5_500,
        Topics = 200,
        Authors = 200_000,
        HawkesBursts = 6,
        CascadeReplays = 6,
        BurstSize = 30_000,
        BurstLength = TimeSpan.FromSeconds(60),
        Warmup = TimeSpan.FromMinutes(2),
        BatchSize = 1_000,
        Concurrency = 8,
        EventTimeScale = 1,
        DailyCycle = TimeSpan.FromHours(1),
        DailyAmplitude = 0.2,
        DrainTimeout = TimeSpan.FromMinutes(2),
        AlertGrace = TimeSpan.FromSeconds(10),
    };

    public static LoadProfile Get(string name) => name switch
    {
        SmokeName => Smoke,
        FirehoseName => Firehose,
        SoakName => Soak,
        _ => throw new ArgumentException($"Unknown profile '{name}'.", nameof(name)),
    };
}
