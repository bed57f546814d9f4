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
        using var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(EngineFactory.NewDataDir()));
        await database.ApplySchemaAsync();
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        using var storage = new GroupCommitGrainStorage(database, serializer, TimeProvider.System, NullLogger<GroupCommitGrainStorage>.Instance);
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

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
