using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CrmGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Customer_RepeatedComplaints_BecomesDetractorWithReasons()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:angry");
        var complaints = Enumerable.Range(1, 4)
            .Select(i => Scored(i, Mention($"angry{i}", text: "still broken", author: "tw:angry", seconds: i * 3600), SentimentLabel.Negative, -0.8f, "crm"))
            .ToArray();

        await customer.ApplyAsync(new MentionBatch("p", complaints));

        var profile = await customer.GetProfileAsync();
        Assert.Equal(CustomerSegment.Detractor, profile!.Segment);
        Assert.Contains("4 negative mentions in 7 days", profile.SegmentReasons);
        Assert.True(profile.Risk > 0.4, $"risk {profile.Risk}");
    }

    [Fact]
    public async Task Customer_FanWhoStartsComplaining_BecomesAtRisk()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:fan");
        await customer.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("fan1", text: "love it", author: "tw:fan", seconds: -20 * 86_400), SentimentLabel.Positive, 0.9f, "crm"),
            Scored(2, Mention("fan2", text: "great support", author: "tw:fan", seconds: -10 * 86_400), SentimentLabel.Positive, 0.8f, "crm"),
            Scored(3, Mention("fan3", text: "this broke", author: "tw:fan", seconds: 0), SentimentLabel.Negative, -0.7f, "crm"),
            Scored(4, Mention("fan4", text: "still broken, angry", author: "tw:fan", seconds: 3600), SentimentLabel.Negative, -0.9f, "crm"),
        ]));

        var profile = await customer.GetProfileAsync();
        Assert.Equal(CustomerSegment.AtRisk, profile!.Segment);
        Assert.Contains("2 negative mentions in 24 h", profile.SegmentReasons);
        Assert.Contains("was positive before (2 positive mentions)", profile.SegmentReasons);
        Assert.Equal(CustomerTrend.Worsening, profile.Trend);
    }

    [Fact]
    public async Task Conversation_SharesAndRepliesByOthers_CreditRootAuthor()
    {
        var author = fixture.Grains.GetGrain<ICustomerGrain>("tw:origin");
        await author.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("orig", author: "tw:origin", followers: 300), SentimentLabel.Negative, -0.6f)]));
        var before = (await author.GetProfileAsync())!.Influence;

        var conversation = fixture.Grains.GetGrain<IConversationGrain>("orig");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("orig", author: "tw:origin", followers: 300), SentimentLabel.Negative, -0.6f),
            Scored(2, Mention("orig-s1", author: "tw:s1", seconds: 10, conversation: "orig", kind: MentionKind.Share, followers: 50_000), SentimentLabel.Negative, -0.6f),
            Scored(3, Mention("orig-s2", author: "tw:s2", seconds: 20, conversation: "orig", kind: MentionKind.Share, followers: 70_000), SentimentLabel.Negative, -0.6f),
            Scored(4, Mention("orig-r1", author: "tw:r1", seconds: 30, conversation: "orig", kind: MentionKind.Reply), SentimentLabel.Neutral, 0f),
            Scored(5, Mention("orig-r2", author: "tw:origin", seconds: 40, conversation: "orig", kind: MentionKind.Reply, followers: 300), SentimentLabel.Neutral, 0f),
        ]));
        await conversation.FlushAsync();

        var profile = await author.GetProfileAsync();
        Assert.Equal(2, profile!.SharesReceived);
        Assert.Equal(1, profile.RepliesReceived);
        Assert.True(profile.Influence > before, $"{profile.Influence} > {before}");
        Assert.True(profile.InfluenceBreakdown.Amplification > 0);
    }

    [Fact]
    public async Task Conversation_AssignNoteResolve_ReflectedInCaseAndTopicList()
    {
        const string topic = "crm-cases";
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("case-1");
        Assert.Null(await conversation.AssignAsync("alice"));
        await conversation.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("case-1", text: "refund please", author: "tw:case"), SentimentLabel.Negative, -0.5f, topic)]));

        await conversation.AssignAsync("alice");
        await conversation.AddNoteAsync("called the customer", "bob");
        var resolved = await conversation.ResolveAsync();

        Assert.Equal(ConversationState.Resolved, resolved!.State);
        Assert.Equal("alice", resolved.Assignee);
        Assert.Equal(1, resolved.NoteCount);
        Assert.Null(resolved.WaitingSince);
        var detail = await conversation.GetDetailAsync();
        Assert.Equal("called the customer", Assert.Single(detail!.Notes).Text);
        Assert.Equal("refund please", Assert.Single(detail.RecentMessages).Text);
        var list = await fixture.Grains.GetGrain<ITopicConversationsGrain>(topic).ListAsync(ConversationState.Resolved, ConversationSort.Waiting, 10);
        Assert.Equal("alice", Assert.Single(list).Assignee);

        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(2, Mention("case-1-b", text: "it happened again", author: "tw:case", seconds: 600, conversation: "case-1", kind: MentionKind.Reply), SentimentLabel.Negative, -0.5f, topic)]));
        var reopened = await conversation.GetSummaryAsync();
        Assert.Equal(ConversationState.Open, reopened!.State);
        Assert.Equal(BaseTime.AddSeconds(600), reopened.WaitingSince);
    }

    [Fact]
    public async Task Conversation_EraseAuthor_RemovesTheirTextsKeepsCounts()
    {
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("erase-conv");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("erase-conv", text: "my secret address", author: "tw:private"), SentimentLabel.Negative, -0.5f),
            Scored(2, Mention("erase-conv-r", text: "we will help", author: "tw:care", seconds: 60, conversation: "erase-conv", kind: MentionKind.Reply, isBrand: true), SentimentLabel.Neutral, 0f),
        ]));

        await conversation.EraseAuthorAsync("tw:private");

        var detail = await conversation.GetDetailAsync();
        Assert.Equal(2, detail!.Summary.Messages);
        Assert.Equal("", detail.RecentMessages.Single(m => m.AuthorId == "tw:private").Text);
        Assert.Equal("we will help", detail.RecentMessages.Single(m => m.AuthorId == "tw:care").Text);
    }

    [Fact]
    public async Task TopicCustomers_SortByRiskAndInfluence_OrdersCustomers()
    {
        const string topic = "crm-rank";
        var angry = fixture.Grains.GetGrain<ICustomerGrain>("tw:rank-angry");
        var famous = fixture.Grains.GetGrain<ICustomerGrain>("tw:rank-famous");
        var angrySummary = await angry.ApplyAsync(new MentionBatch("p", [.. Enumerable.Range(1, 3)
            .Select(i => Scored(i, Mention($"ra{i}", author: "tw:rank-angry", seconds: i), SentimentLabel.Negative, -0.9f, topic))]));
        var famousSummary = await famous.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("rf1", author: "tw:rank-famous", followers: 900_000), SentimentLabel.Positive, 0.8f, topic)]));

        // The ingest worker lists the summaries that applying returns, one call per topic.
        var list = fixture.Grains.GetGrain<ITopicCustomersGrain>(topic);
        await list.UpsertAsync([angrySummary!, famousSummary!]);
        Assert.Equal(["tw:rank-angry", "tw:rank-famous"], (await list.ListAsync(CustomerSort.Risk, 10)).Select(c => c.CustomerId));
        Assert.Equal(["tw:rank-famous", "tw:rank-angry"], (await list.ListAsync(CustomerSort.Influence, 10)).Select(c => c.CustomerId));
    }
}
