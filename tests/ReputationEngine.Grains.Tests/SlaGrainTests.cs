using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

[Collection(FakeTimeClusterCollection.Name)]
public sealed class SlaGrainTests(FakeTimeClusterFixture fixture)
{
    private static readonly TimeSpan WaitForTimer = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Conversation_UnansweredNegative_BreachesSlaOnceInFakeTime()
    {
        const string topic = "sla-silence";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition { Id = topic });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c1");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c1", text: "my order never arrived, awful", author: "tw:sla-waiter"), SentimentLabel.Negative, -0.8f, topic)]));

        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromMinutes(59));
        await conversation.CheckSlaAsync();
        Assert.Empty(Breaches(topic));
        var waiting = await conversation.GetSummaryAsync();
        Assert.Equal(BaseTime.AddMinutes(60), waiting!.SlaDueAt);
        Assert.Equal(59 * 60, waiting.WaitingSeconds!.Value, 0);

        // Nobody calls the grain: its silence timer fires when the clock passes the due time.
        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromMinutes(2));
        await Until(() => Breaches(topic).Count > 0);
        // The grain is not reentrant: this call returns once the timer's turn (and its raise) has finished,
        // so the fake clock does not jump while the raise is still in flight (Orleans times calls by it too).
        await conversation.GetSummaryAsync();

        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromHours(3));
        await conversation.CheckSlaAsync();
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(2, Mention("sla-c1-2", text: "still nothing", author: "tw:sla-waiter", seconds: 7200, conversation: "sla-c1", kind: MentionKind.Reply), SentimentLabel.Negative, -0.5f, topic)]));

        var change = Assert.Single(Breaches(topic));
        Assert.Equal(AlertEvent.Opened, change.Event);
        Assert.Equal(["sla-c1"], change.Alert.Evidence.Conversations);
        Assert.Equal(["tw:sla-waiter"], change.Alert.Evidence.Authors);
        Assert.Equal(60, change.Alert.Expected);
        Assert.Equal(BaseTime.AddMinutes(60), (await conversation.GetSummaryAsync())!.SlaBreachedAt);
        Assert.Equal(1, (await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).GetSnapshotAsync()).OpenAlerts);
    }

    [Fact]
    public async Task Conversation_CollectedWhileWaiting_StillBreachesWhenDue()
    {
        const string topic = "sla-collected";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition { Id = topic });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c6");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c6", text: "charged twice, furious", author: "tw:sla-collected"), SentimentLabel.Negative, -0.9f, topic)],
            Flush: true));

        // A waiting conversation holds no activation until its SLA is due: collect every idle activation now.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(conversation));
        Assert.Empty(Breaches(topic));

        // The SLA schedule (not the conversation's own timer) wakes it: reactivated from storage, it raises the breach.
        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromMinutes(61));
        await Until(() => Breaches(topic).Count > 0);
        var change = Assert.Single(Breaches(topic));
        Assert.Equal(["sla-c6"], change.Alert.Evidence.Conversations);
        Assert.Equal(BaseTime.AddMinutes(60), (await conversation.GetSummaryAsync())!.SlaBreachedAt);
    }

    [Fact]
    public async Task Conversation_BrandAnswersLate_BreachesInEventTime()
    {
        const string topic = "sla-late";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition { Id = topic });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c2");

        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c2", text: "broken again", author: "tw:sla-late"), SentimentLabel.Negative, -0.8f, topic),
            Scored(2, Mention("sla-c2-r", text: "sorry", author: "tw:care", seconds: 90 * 60, conversation: "sla-c2", kind: MentionKind.Reply, isBrand: true),
                SentimentLabel.Neutral, 0f, topic)]));

        var change = Assert.Single(Breaches(topic));
        Assert.Equal(90, change.Alert.Observed);
        var summary = await conversation.GetSummaryAsync();
        Assert.Equal(5400, summary!.FirstResponseSeconds);
        Assert.Equal(ConversationState.Pending, summary.State);
        Assert.Null(summary.WaitingSince);
        Assert.Equal(BaseTime.AddMinutes(60), summary.SlaBreachedAt);
    }

    [Fact]
    public async Task Conversation_AnsweredInTime_DoesNotBreach()
    {
        const string topic = "sla-ok";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition { Id = topic });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c3");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c3", text: "broken", author: "tw:sla-ok"), SentimentLabel.Negative, -0.8f, topic),
            Scored(2, Mention("sla-c3-r", text: "on it", author: "tw:care", seconds: 300, conversation: "sla-c3", kind: MentionKind.Reply, isBrand: true),
                SentimentLabel.Neutral, 0f, topic)]));

        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromHours(2));
        await conversation.CheckSlaAsync();

        Assert.Empty(Breaches(topic));
        Assert.Equal(300, (await conversation.GetSummaryAsync())!.FirstResponseSeconds);
    }

    [Fact]
    public async Task Conversation_InfluentialCustomer_HasStricterSla()
    {
        const string topic = "sla-vip";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition { Id = topic });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c4");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c4", text: "terrible service", author: "tw:sla-vip", followers: 2_000_000), SentimentLabel.Negative, -0.9f, topic)]));

        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromMinutes(16));
        await conversation.CheckSlaAsync();

        var change = Assert.Single(Breaches(topic));
        Assert.Equal(15, change.Alert.Expected);
        Assert.Equal(8, change.Alert.Severity);
    }

    [Fact]
    public async Task Conversation_TopicSettingsOverrideLimit()
    {
        const string topic = "sla-custom";
        await fixture.Grains.GetGrain<IBrandTopicGrain>(topic).DefineAsync(new TopicDefinition
        {
            Id = topic,
            Alerting = new Dictionary<string, double> { ["slaFirstResponseMinutes"] = 10, ["slaNegativeOnly"] = 0 },
        });
        var conversation = fixture.Grains.GetGrain<IConversationGrain>("sla-c5");
        await conversation.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("sla-c5", text: "a question", author: "tw:sla-q"), SentimentLabel.Neutral, 0f, topic)]));

        FakeTimeClusterFixture.Time.Advance(TimeSpan.FromMinutes(11));
        await conversation.CheckSlaAsync();

        Assert.Equal(10, Assert.Single(Breaches(topic)).Alert.Expected);
    }

    private static List<AlertChange> Breaches(string topic) =>
        [.. FakeTimeClusterFixture.Ledger.Changes.Where(c => c.Alert.TopicId == topic && c.Alert.Kind == AlertKind.SlaBreach)];

    /// <summary>
    /// Waits for <paramref name="condition"/> while the fake clock keeps moving a second per poll, as a real one would.
    /// Orleans arms a grain timer's next tick only after the previous tick finished, on the silo's clock: if the test
    /// advanced the clock once while the schedule was still finishing a tick, that next tick would never come.
    /// </summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitForTimer;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The SLA timer did not raise the breach.");
            await Task.Delay(20);
            FakeTimeClusterFixture.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
