using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Tests.Storage;

/// <summary>
/// The SQLite mention log's append cost, the engine's layout against the one before (an author index and SQLite's default
/// page cache and checkpoint interval), in the same run (docs/benchmarks.md). Reports figures; asserts only that every
/// mention got a sequence. Runs when REPUTATION_BENCH=1.
/// </summary>
public sealed class MentionLogAppendBenchmark : IDisposable
{
    private const int Rounds = 12;
    private const int RoundSize = 25_000;
    private const string BeforeSettings = "CREATE INDEX IF NOT EXISTS ix_mention_log_author ON mention_log (author_id); PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;";

    private readonly string _dir = Directory.CreateTempSubdirectory("log-bench-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Append_EngineLayoutVsBefore_Reported()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("REPUTATION_BENCH") == "1", "set REPUTATION_BENCH=1 to measure");
        var rounds = Enumerable.Range(0, Rounds * 2).Select(r => Round(r)).ToArray();
        // Alternated round by round, so both logs grow alike and share the machine's moments.
        var before = await OpenAsync("before", BeforeSettings);
        var after = await OpenAsync("after", settings: null);
        var times = new List<double>[] { [], [] };
        for (var r = 0; r < Rounds; r++)
        {
            times[0].Add(await AppendAsync(before, rounds[2 * r]));
            times[1].Add(await AppendAsync(after, rounds[(2 * r) + 1]));
        }

        // The first quarter warms up (JIT, empty indexes): report the median of the rest, per mention.
        double Median(List<double> t) => t.Skip(Rounds / 4).Order().ElementAt((Rounds - (Rounds / 4)) / 2) * 1000 / RoundSize;
        var (b, a) = (Median(times[0]), Median(times[1]));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"[measure] SQLite mention-log append, {Rounds} rounds of {RoundSize} per layout, alternated: before {b:F1} µs/mention, "
            + $"engine {a:F1} µs/mention, engine/before {a / b:F2} (one log writer: {1e6 / b:F0} vs {1e6 / a:F0} mentions/s)");
    }

    private async Task<MentionLogStore> OpenAsync(string name, string? settings)
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(Directory.CreateDirectory(Path.Combine(_dir, name)).FullName));
        await database.ApplySchemaAsync();
        if (settings is not null)
        {
            // Pooling hands the writer this same configured handle back.
            using var connection = database.OpenLog();
            using var command = connection.CreateCommand();
            command.CommandText = settings;
            command.ExecuteNonQuery();
        }

        return new MentionLogStore(database, TimeProvider.System);
    }

    private static async Task<double> AppendAsync(MentionLogStore store, Mention[] round)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await store.AppendAsync("bench", round, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.All(outcomes, o => Assert.NotNull(o.Sequence));
        return elapsed;
    }

    /// <summary>Firehose-like mentions: random-looking ids and authors, a tweet-sized text.</summary>
    private static Mention[] Round(int round)
    {
        var random = new Random(round);
        return [.. Enumerable.Range(0, RoundSize).Select(i => new Mention
        {
            Id = $"tw:{random.NextInt64():x16}",
            Source = "twitter",
            CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(round * RoundSize + i),
            AuthorId = $"tw:author{random.Next(500_000)}",
            AuthorName = "Some Author",
            AuthorFollowers = random.Next(100_000),
            Text = "@acme your app crashed again after the update, third time this week, not happy #fail https://t.co/xyz",
            Topics = ["acme"],
            ConversationId = $"tw:conv{random.Next(100_000)}",
            Kind = MentionKind.Reply,
            Lang = "en",
        })];
    }
}
