using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Ingest;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IngestWorkerGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Pipeline_RoutesByRulesScoresAndAppliesToEveryGrain()
    {
        await fixture.Grains.GetGrain<IBrandTopicGrain>("w-hooli").DefineAsync(new TopicDefinition
        {
            Id = "w-hooli",
            Name = "Hooli",
            Keywords = ["hooli"],
            Exclude = ["hooli xyz"],
            BrandHandles = ["@HooliCare"],
        });
        var pipeline = new MentionPipeline(fixture.Grains);
        var batch = new IngestBatch("w", [
            new LoggedMention(1, Mention("w1", "Hooli is terrible, I hate this awful service", author: "tw:frank")),
            new LoggedMention(2, Mention("w2", "hooli xyz is excluded", author: "tw:frank")),
            new LoggedMention(3, Mention("w3", "nothing to see", author: "tw:gina", topics: ["w-explicit"])),
            new LoggedMention(4, Mention("w4", "we are looking into it, hooli", author: "tw:hoolicare", conversation: "w1", kind: MentionKind.Reply)),
        ]);

        var routed = await pipeline.PrepareAsync(batch);
        var applied = await pipeline.ApplyAsync(routed);

        Assert.Equal(4, routed.LastSequence);
        Assert.Equal(["w1", "w4"], routed.ByTopic["w-hooli"].Select(m => m.Mention.Id));
        Assert.Equal(SentimentLabel.Negative, routed.ByTopic["w-hooli"][0].Label);
        Assert.True(routed.ByTopic["w-hooli"][1].Mention.AuthorIsBrand);
        Assert.Contains("w-explicit", applied.Topics);

        var snapshot = await fixture.Grains.GetGrain<IBrandTopicGrain>("w-hooli").GetSnapshotAsync();
        Assert.Equal(2, snapshot.TotalMentions);
        var explicitTopic = await fixture.Grains.GetGrain<IBrandTopicGrain>("w-explicit").GetDefinitionAsync();
        Assert.NotNull(explicitTopic);
        var frank = await fixture.Grains.GetGrain<ICustomerGrain>("tw:frank").GetProfileAsync();
        Assert.Equal(2, frank!.Mentions);
    }

    [Fact]
    public async Task ApplyInOrder_EngagementCreditsReachTheRootAuthorBeforeTheCallReturns()
    {
        // A replay's order: credits are sent in each conversation's own turn, not by the one-second wall-clock timer,
        // so what later conversations read of a customer does not depend on how fast the machine runs.
        var pipeline = new MentionPipeline(fixture.Grains);
        await pipeline.ApplyInOrderAsync(await pipeline.PrepareAsync(new IngestBatch("io", [
            new LoggedMention(1, Mention("io1", "my parcel never came", author: "tw:ivy", topics: ["io-topic"])),
        ])));
        await pipeline.ApplyInOrderAsync(await pipeline.PrepareAsync(new IngestBatch("io", [
            new LoggedMention(2, Mention("io2", "RT my parcel never came", author: "tw:jon", seconds: 60, conversation: "io1", kind: MentionKind.Share, topics: ["io-topic"])),
            new LoggedMention(3, Mention("io3", "same here", author: "tw:kim", seconds: 61, conversation: "io1", kind: MentionKind.Reply, topics: ["io-topic"])),
        ])));

        var ivy = await fixture.Grains.GetGrain<ICustomerGrain>("tw:ivy").GetProfileAsync();
        Assert.Equal((1, 1), (ivy!.SharesReceived, ivy.RepliesReceived));
    }
}
