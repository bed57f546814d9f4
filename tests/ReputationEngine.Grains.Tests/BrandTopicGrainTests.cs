using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BrandTopicGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ApplyAsync_Batch_CountsBySentimentAndReach()
    {
        var topic = fixture.Grains.GetGrain<IBrandTopicGrain>("t-counts");
        await topic.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("a", followers: 10), SentimentLabel.Negative, -0.9f),
            Scored(2, Mention("b", followers: 20), SentimentLabel.Positive, 0.8f),
            Scored(3, Mention("c", followers: 30), SentimentLabel.Neutral, 0.1f),
        ]));

        var snapshot = await topic.GetSnapshotAsync();
        Assert.Equal(3, snapshot.TotalMentions);
        Assert.Equal(1, snapshot.NegativeMentions);
        Assert.Equal(1, snapshot.PositiveMentions);
        Assert.Equal(1, snapshot.NeutralMentions);
        Assert.Equal(60, snapshot.Reach);
        Assert.Equal(0.0, snapshot.AverageSentiment, 5);
        Assert.Equal(3, snapshot.LastMinute!.Mentions);
    }

    [Fact]
    public async Task ApplyAsync_SameSequencesAgain_AreSkipped()
    {
        var topic = fixture.Grains.GetGrain<IBrandTopicGrain>("t-replay");
        var batch = new MentionBatch("p", [Scored(5, Mention("a"), SentimentLabel.Neutral, 0), Scored(6, Mention("b"), SentimentLabel.Neutral, 0)]);
        await topic.ApplyAsync(batch);
        await topic.ApplyAsync(batch);
        await topic.ApplyAsync(new MentionBatch("other-partition", [Scored(5, Mention("c"), SentimentLabel.Neutral, 0)]));

        Assert.Equal(3, (await topic.GetSnapshotAsync()).TotalMentions);
    }

    [Fact]
    public async Task GetTimeSeriesAsync_PerMinute_GroupsOutOfOrderEvents()
    {
        var topic = fixture.Grains.GetGrain<IBrandTopicGrain>("t-series");
        await topic.ApplyAsync(new MentionBatch("p", [
            Scored(1, Mention("a", seconds: 130), SentimentLabel.Neutral, 0),
            Scored(2, Mention("b", seconds: 10), SentimentLabel.Neutral, 0),
            Scored(3, Mention("c", seconds: 70), SentimentLabel.Neutral, 0),
            Scored(4, Mention("d", seconds: 75), SentimentLabel.Neutral, 0),
        ]));

        var series = await topic.GetTimeSeriesAsync(BaseTime, BaseTime.AddMinutes(2), TimeSpan.FromMinutes(1));
        Assert.Equal([1L, 2L, 1L], series.Select(p => p.Mentions));
    }

    [Fact]
    public async Task ApplyAsync_UndefinedTopic_BecomesImplicitTopicInDirectory()
    {
        var topic = fixture.Grains.GetGrain<IBrandTopicGrain>("t-implicit");
        await topic.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("a"), SentimentLabel.Neutral, 0)]));

        var all = await fixture.Grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key).GetAllAsync();
        Assert.Contains(all, t => t.Id == "t-implicit");
    }

    [Fact]
    public async Task Reactivated_KeepsWhatTheDetectorsLearned_StoredApartFromTheLiveState()
    {
        var topic = fixture.Grains.GetGrain<IBrandTopicGrain>("t-learned");
        long sequence = 0;
        async Task MinuteAsync(int minute, int count) => await topic.ApplyAsync(new MentionBatch("p", [
            .. Enumerable.Range(0, count).Select(i => Scored(++sequence, Mention($"l{sequence}", "acme shipping", $"tw:a{i}", (minute * 60) + i), SentimentLabel.Neutral, 0)),
        ], Flush: true));

        // 40 calm minutes warm the volume baseline (30 buckets), then the grain goes and comes back.
        for (var minute = 0; minute < 40; minute++)
        {
            await MinuteAsync(minute, 20);
        }

        await fixture.DeactivateAsync(topic);
        Assert.Empty(await topic.GetActiveAlertsAsync());

        // A fresh baseline would still be warming up and stay silent; the restored one knows 20 a minute is normal.
        await MinuteAsync(40, 200);
        Assert.Contains(await topic.GetActiveAlertsAsync(), a => a.Kind == Abstractions.Alerts.AlertKind.VolumeSpike);
    }
}
