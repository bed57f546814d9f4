using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerAndConversationGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Customer_ApplyAsync_TracksCountsEwmaAndRecentMentions()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:carol");
        var items = Enumerable.Range(1, 60)
            .Select(i => Scored(i, Mention($"m{i}", text: $"text {i}", author: "tw:carol", seconds: i), SentimentLabel.Negative, -1f, "acme"))
            .ToArray();
        await customer.ApplyAsync(new MentionBatch("p", items));

        var profile = await customer.GetProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal(60, profile.Mentions);
        Assert.Equal(60, profile.NegativeMentions);
        Assert.Equal(-1.0, profile.AverageSentiment, 6);
        Assert.Equal(50, profile.RecentMentions.Length);
        Assert.Equal("m60", profile.RecentMentions[0].Id);
        Assert.Equal(["acme"], profile.Topics);
    }

    [Fact]
    public async Task Customer_EraseAsync_RemovesTextsKeepsCounts()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:erase-me");
        await customer.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("e1", text: "private words", author: "tw:erase-me"), SentimentLabel.Neutral, 0)]));

        await customer.EraseAsync();
        await customer.ApplyAsync(new MentionBatch("p", [Scored(2, Mention("e2", text: "more private words", author: "tw:erase-me"), SentimentLabel.Neutral, 0)]));

        var profile = await customer.GetProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal(2, profile.Mentions);
        Assert.Empty(profile.RecentMentions);
        Assert.Null(profile.Name);
        Assert.True(profile.Erased);
    }

    [Fact]
    public async Task Conversation_BrandReplyAfter300Seconds_GivesFirstResponseTime()
    {
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("conv-1");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("conv-1", author: "tw:dan"), SentimentLabel.Negative, -0.8f),
            Scored(2, Mention("r1", author: "tw:acmecare", seconds: 300, conversation: "conv-1", kind: MentionKind.Reply, isBrand: true), SentimentLabel.Neutral, 0.1f),
            Scored(3, Mention("s1", author: "tw:eve", seconds: 400, conversation: "conv-1", kind: MentionKind.Share), SentimentLabel.Negative, -0.8f),
        ]));

        var summary = await conversation.GetSummaryAsync();
        Assert.NotNull(summary);
        Assert.Equal(2, summary.Messages);
        Assert.Equal(1, summary.Shares);
        Assert.Equal(3, summary.Participants);
        Assert.Equal(300, summary.FirstResponseSeconds);
        Assert.Equal("tw:dan", summary.RootAuthorId);
        Assert.Equal(ConversationState.Pending, summary.State);
    }

    [Fact]
    public async Task Conversation_NoBrandReply_HasNoFirstResponse()
    {
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("conv-2");
        await conversation.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("conv-2"), SentimentLabel.Negative, -0.5f)]));
        Assert.Null((await conversation.GetSummaryAsync())!.FirstResponseSeconds);
    }
}
