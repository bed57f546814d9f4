using System.Net;
using ReputationEngine.Server.Storage;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests.Access;

public sealed class CustomerErasureTests
{
    private const string Secret = "my-very-private-complaint-text";

    [Fact]
    public async Task EraseCustomer_RemovesTheirTextsFromGrainAndLog_KeepsCounts()
    {
        var dataDir = EngineFactory.NewDataDir();
        await using var engine = new EngineFactory(dataDir);
        var client = engine.CreateClient();
        var ingest = await client.PostMentionsAsync(Array(Mention("e1", $"acme {Secret}", author: "tw:erase-me", topics: ["acme"])));
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        await client.WaitForIngestAsync();
        Assert.Contains(Secret, await client.GetStringAsync("/api/customers/tw:erase-me"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/customers/tw:erase-me")).StatusCode);

        var profile = await client.GetAsync("/api/customers/tw:erase-me");
        Assert.DoesNotContain(Secret, await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var snapshot = await (await client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(1, snapshot.GetProperty("totalMentions").GetInt64());

        await engine.DisposeAsync();
        // On SQLite the mention log is a file of its own.
        using var connection = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(dataDir)).OpenLog();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM mention_log WHERE instr(CAST(payload AS TEXT), $s) > 0";
        command.Parameters.AddWithValue("$s", Secret);
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }
}
