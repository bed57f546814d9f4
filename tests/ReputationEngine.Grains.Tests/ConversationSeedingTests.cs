using System.Text.Json;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// A conversation started by a post alone is written without activating its grain (ConversationSeeder); everything
/// that reads or extends it afterwards must see what the grain itself would have built.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationSeedingTests(ClusterFixture fixture)
{
    private IManagementGrain Management => fixture.Grains.GetGrain<IManagementGrain>(0);

    private async Task<AppliedBatch> IngestAsync(string partition, params LoggedMention[] items)
    {
        var pipeline = new MentionPipeline(fixture.Grains);
        var applied = await pipeline.ApplyAsync(await pipeline.PrepareAsync(new IngestBatch(partition, items)));
        // What the partition's checkpoint waits for: the conversations written without their grains.
        await fixture.Service<PendingSeeds>().WhenDurableAsync(partition, long.MaxValue);
        return applied;
    }

    [Fact]
    public async Task NewPost_IsWrittenWithoutActivatingItsConversation_AndReadsBackAsTheGrainWouldBuildIt()
    {
        var post = Mention("seed-a1", "@AcmeCare my order never arrived, this is awful", author: "tw:seed-ann", followers: 1_200, topics: ["seed-acme"]);
        var applied = await IngestAsync("seed-a", new LoggedMention(7, post));

        Assert.Empty(applied.Conversations);
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("seed-a1");
        Assert.Null(await Management.GetActivationAddress(conversation));

        // The same post applied through a grain (under another id) gives the same summary.
        var twin = post with { Id = "seed-a1-twin", ConversationId = "seed-a1-twin" };
        var scored = (await new MentionPipeline(fixture.Grains).PrepareAsync(new IngestBatch("seed-a", [new LoggedMention(7, twin)]))).ByConversation["seed-a1-twin"];
        var viaGrain = await fixture.Grains.GetGrain<IConversationGrain>("seed-a1-twin").ApplyAsync(new MentionBatch("seed-a", scored, 0));

        var seeded = await conversation.GetSummaryAsync();
        Assert.NotNull(seeded);
        Assert.NotNull(viaGrain);
        // Waiting time and SLA due time follow the wall clock at each call; everything else must match exactly.
        Assert.Equal(
            JsonSerializer.Serialize(viaGrain with { ConversationId = "seed-a1", WaitingSeconds = null }),
            JsonSerializer.Serialize(seeded with { WaitingSeconds = null }));
        Assert.Equal(1, seeded.Messages);
        Assert.Equal("tw:seed-ann", seeded.RootAuthorId);
        Assert.Equal(["seed-acme"], seeded.Topics);
        Assert.Equal(post.CreatedAt, seeded.WaitingSince);

        var detail = await conversation.GetDetailAsync();
        Assert.Equal(["seed-a1"], detail!.RecentMessages.Select(m => m.Id));
    }

    [Fact]
    public async Task ReplyToASeededPost_ActivatesTheGrainOnTheStoredPost()
    {
        await IngestAsync("seed-b", new LoggedMention(1, Mention("seed-b1", "does anyone know if acme ships on sundays?", author: "tw:seed-bo", topics: ["seed-acme"])));
        var applied = await IngestAsync("seed-b", new LoggedMention(2, Mention("seed-b2", "yes we do, every day", author: "tw:acmecare", seconds: 60,
            conversation: "seed-b1", kind: MentionKind.Reply, isBrand: true, topics: ["seed-acme"])));

        Assert.Equal(["seed-b1"], applied.Conversations);
        var summary = await fixture.Grains.GetGrain<IConversationGrain>("seed-b1").GetSummaryAsync();
        Assert.Equal(2, summary!.Messages);
        Assert.Equal(2, summary.Participants);
        Assert.Equal(60, summary.FirstResponseSeconds);
        Assert.Null(summary.WaitingSince);
    }

    [Fact]
    public async Task ReplyInTheNextBatch_WaitsForThePostsConversationAndKeepsLogOrder()
    {
        // A reply that came first, already durable, makes the post's insert fail; the next batch's reply must still
        // reach the grain after the post (watermarks are per partition and in log order), or the post would be skipped.
        await IngestAsync("seed-f", new LoggedMention(1, Mention("seed-f2", "+1, same problem", author: "tw:seed-fay", seconds: 20,
            conversation: "seed-f1", kind: MentionKind.Reply, topics: ["seed-acme"])));
        // The partition's checkpoint writes it (until then the partition would not seed this conversation at all).
        await fixture.Grains.GetGrain<IConversationGrain>("seed-f1").ApplyAsync(new MentionBatch("seed-f", [], 0, Flush: true));
        var pipeline = new MentionPipeline(fixture.Grains);
        var post = await pipeline.PrepareAsync(new IngestBatch("seed-f", [
            new LoggedMention(2, Mention("seed-f1", "acme lost my parcel", author: "tw:seed-fox", topics: ["seed-acme"]))]));
        var reply = await pipeline.PrepareAsync(new IngestBatch("seed-f", [
            new LoggedMention(3, Mention("seed-f3", "sorry to hear, DM us", author: "tw:acmecare", seconds: 40, conversation: "seed-f1",
                kind: MentionKind.Reply, isBrand: true, topics: ["seed-acme"]))]));
        await pipeline.ApplyAsync(post);
        await pipeline.ApplyAsync(reply);
        await fixture.Service<PendingSeeds>().WhenDurableAsync("seed-f", long.MaxValue);

        var summary = await fixture.Grains.GetGrain<IConversationGrain>("seed-f1").GetSummaryAsync();
        Assert.Equal(3, summary!.Messages);
        Assert.Equal("tw:seed-fox", summary.RootAuthorId);
    }

    [Fact]
    public async Task PostArrivingAfterItsConversationWasWritten_GoesThroughTheGrainAndKeepsBoth()
    {
        // The reply came first (its thread unknown), and its grain wrote the conversation.
        await IngestAsync("seed-c", new LoggedMention(1, Mention("seed-c2", "same here, still broken", author: "tw:seed-cy", seconds: 30,
            conversation: "seed-c1", kind: MentionKind.Reply, topics: ["seed-acme"])));
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("seed-c1");
        await fixture.DeactivateAsync(conversation);

        // Its insert finds the row and the post goes through the grain (in the background; IngestAsync waits for it).
        await IngestAsync("seed-c", new LoggedMention(2, Mention("seed-c1", "acme app down again", author: "tw:seed-cat", topics: ["seed-acme"])));

        var summary = await conversation.GetSummaryAsync();
        Assert.Equal(2, summary!.Messages);
        Assert.Equal("tw:seed-cat", summary.RootAuthorId);
    }

    [Fact]
    public async Task ConversationAskedForBeforeItsPost_IsFoundOnceThePostIsSeeded()
    {
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("seed-d1");
        Assert.Null(await conversation.GetSummaryAsync());

        await IngestAsync("seed-d", new LoggedMention(1, Mention("seed-d1", "acme support was lovely today", author: "tw:seed-dee", topics: ["seed-acme"])));

        // The activation that answered "none" re-reads (at most once a second) instead of answering from its empty state.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.Equal(1, (await conversation.GetSummaryAsync())!.Messages);
    }

    [Fact]
    public async Task SeededPostReplayedAfterARewind_IsNotCountedTwice()
    {
        var post = new LoggedMention(5, Mention("seed-e1", "acme billing is a joke", author: "tw:seed-eve", topics: ["seed-acme"]));
        await IngestAsync("seed-e", post);
        await IngestAsync("seed-e", post);

        Assert.Equal(1, (await fixture.Grains.GetGrain<IConversationGrain>("seed-e1").GetSummaryAsync())!.Messages);
    }
}
