using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Dashboard.Tests.Infrastructure;
using ReputationEngine.Grains.Dashboard;

namespace ReputationEngine.Dashboard.Tests;

/// <summary>The push contract of /hubs/dashboard (DESIGN §4.5) through a real .NET SignalR client.</summary>
public sealed class HubTests(ServerFixture engine) : IClassFixture<ServerFixture>
{
    private const int Batches = 40;
    private const int MentionsPerBatch = 5;

    [Fact]
    public async Task TopicUpdated_ManyBatchesInQuickSuccession_IsThrottledAndEndsWithTheFinalCounts()
    {
        await engine.Api.PutTopicAsync("hub-topic", "Hub Topic");
        await engine.Api.PutTopicAsync("other-topic", "Other Topic");
        await using var connection = await HubClient.ConnectAsync(engine.Server);
        var updates = new ConcurrentQueue<TopicSnapshot>();
        var conversations = new ConcurrentQueue<ConversationSummary>();
        var total = Batches * MentionsPerBatch;
        var final = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<TopicSnapshot>("topicUpdated", s =>
        {
            updates.Enqueue(s);
            if (s.TopicId == "hub-topic" && s.TotalMentions == total)
            {
                final.TrySetResult();
            }
        });
        connection.On<ConversationSummary>("conversationUpdated", c =>
        {
            conversations.Enqueue(c);
            if (c.ConversationId == "hub:thread")
            {
                thread.TrySetResult();
            }
        });
        await connection.InvokeAsync("Subscribe", "hub-topic");

        var clock = Stopwatch.StartNew();
        for (var b = 0; b < Batches; b++)
        {
            await engine.Api.PostMentionsAsync([.. Enumerable.Range(0, MentionsPerBatch)
                .Select(i => EngineApi.Mention($"hub:{b}:{i}", "Hub Topic update", "hub-topic", conversationId: "hub:thread"))]);
            await engine.Api.PostMentionsAsync(EngineApi.Mention($"other:{b}", "Other Topic update", "other-topic"));
        }

        await final.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;
        // Conversations come from the CRM lane, which may finish after the topic lane: wait for it separately.
        await thread.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Delivery: only the subscribed topic arrives, and its last update carries every mention.
        Assert.All(updates, s => Assert.Equal("hub-topic", s.TopicId));
        Assert.Contains(conversations, c => c.ConversationId == "hub:thread");

        // Throttling: never more than one update per topic per interval (plus the first and the last).
        var allowed = (int)(elapsed / DashboardNotifierGrain.TopicMinInterval) + 2;
        Assert.InRange(updates.Count, 1, Math.Min(allowed, Batches));
    }

    [Fact]
    public async Task Subscribe_InvalidTopicId_IsRejected()
    {
        await using var connection = await HubClient.ConnectAsync(engine.Server);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "not a valid id!"));
    }

    [Fact]
    public async Task Connect_WithoutKey_IsRefused()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => HubClient.ConnectAsync(engine.Server, key: null));
    }
}
