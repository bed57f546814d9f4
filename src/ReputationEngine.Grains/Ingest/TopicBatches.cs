using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Grains.Ingest;

/// <summary>Sends each topic its share of a routed batch, in parallel, and waits for all of them.</summary>
public static class TopicBatches
{
    public static async Task<AppliedBatch> ApplyAsync(IGrainFactory grains, RoutedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var topics = new Task[batch.ByTopic.Count];
        var i = 0;
        foreach (var (topic, mentions) in batch.ByTopic)
        {
            topics[i++] = grains.GetCachedGrain<IBrandTopicGrain>(topic).ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.TopicKind, topic)));
        }

        await Task.WhenAll(topics);
        return new AppliedBatch(batch.LastSequence, [.. batch.ByTopic.Keys], [], []);
    }
}
