using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using ReputationEngine.Server.Storage;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Storage;

public sealed class GroupCommitGrainStorageTests
{
    /// <summary>
    /// When a deactivation times out under load, Orleans activates the grain again while the old activation's last write
    /// may still be queued. The new activation's read must come after that write, or it starts from stale state.
    /// </summary>
    [Fact]
    public async Task Read_OfAGrainWithAQueuedWrite_WaitsForItAndSeesIt()
    {
        var database = await NewDatabaseAsync();
        using var storage = NewStorage(database);
        var grain = GrainId.Create("customer", "tw:race");

        // Another connection holds SQLite's write lock, so the storage's commit has to wait for it.
        using var blocker = database.Open();
        Execute(blocker, "BEGIN IMMEDIATE");
        var written = new GrainState<string> { State = "latest" };
        var write = storage.WriteStateAsync("customer", grain, written);
        var read = new GrainState<string>();
        var reading = storage.ReadStateAsync("customer", grain, read);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(reading.IsCompleted, "the read overtook the queued write of the same grain");

        Execute(blocker, "COMMIT");
        await write;
        await reading;
        Assert.True(read.RecordExists);
        Assert.Equal("latest", read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    /// <summary>
    /// Two writers may insert the same grain's state in one group: the ingest writing a new post's conversation without
    /// its grain, and an activation of that conversation (a reply that came first). The first insert must win and the
    /// second must fail its version check, as it would in separate groups; neither may silently stand for the other.
    /// </summary>
    [Fact]
    public async Task Inserts_OfOneGrainByTwoWritersInOneGroup_FirstWinsAndSecondConflicts()
    {
        var database = await NewDatabaseAsync();
        using var storage = NewStorage(database);
        var grain = GrainId.Create("conversation", "tw:post-1");

        using var blocker = database.Open();
        Execute(blocker, "BEGIN IMMEDIATE");
        // This write's commit waits for the lock; the two below queue behind it and are committed as one group.
        var first = storage.WriteStateAsync("conversation", GrainId.Create("conversation", "tw:other"), new GrainState<string> { State = "other" });
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var seeded = new GrainState<string> { State = "seeded by ingest" };
        var activation = new GrainState<string> { State = "written by an activation" };
        var seeding = storage.WriteStateAsync("conversation", grain, seeded);
        var activationWriting = storage.WriteStateAsync("conversation", grain, activation);
        Execute(blocker, "COMMIT");

        await first;
        await seeding;
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => activationWriting);
        var read = new GrainState<string>();
        await storage.ReadStateAsync("conversation", grain, read);
        Assert.Equal("seeded by ingest", read.State);
        Assert.Equal(seeded.ETag, read.ETag);
    }

    private static async Task<SqliteDatabase> NewDatabaseAsync()
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(EngineFactory.NewDataDir()));
        await database.ApplySchemaAsync();
        return database;
    }

    private static GroupCommitGrainStorage NewStorage(SqliteDatabase database) => new(
        database,
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>(),
        TimeProvider.System,
        NullLogger<GroupCommitGrainStorage>.Instance);

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
