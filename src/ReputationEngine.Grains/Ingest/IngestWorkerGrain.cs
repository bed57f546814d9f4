using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using ReputationEngine.Grains.Dashboard;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Ingest;

/// <summary>
/// Scores, routes and applies mention batches. Batches cross grain boundaries as one call per target grain
/// (batched grain calls rather than Orleans memory streams: calls are acknowledged, so the caller knows when
/// a batch is applied and can checkpoint the mention log; memory streams are neither durable nor acknowledged
/// end to end, and pulling agents add a polling delay).
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class IngestWorkerGrain(ISentimentScorer scorer, TopicRulesCache rules, IOptions<CaseGrainOptions> caseOptions) : Grain, IIngestWorkerGrain
{
    public async Task<RoutedBatch> PrepareAsync(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var items = batch.Items;
        var texts = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            texts[i] = items[i].Mention.Text;
        }

        var sentiments = new SentimentResult[items.Length];
        scorer.ScoreBatch(texts, sentiments);

        var snapshot = await rules.GetAsync(GrainFactory);
        var byTopic = new Dictionary<string, List<ScoredMention>>(StringComparer.Ordinal);
        var byCustomer = new Dictionary<string, List<ScoredMention>>(StringComparer.Ordinal);
        var byConversation = new Dictionary<string, List<ScoredMention>>(StringComparer.Ordinal);
        List<string>? unknownTopics = null;
        for (var i = 0; i < items.Length; i++)
        {
            var mention = items[i].Mention;
            var topics = mention.Topics.Length > 0 ? mention.Topics : snapshot.Matcher.Match(mention.Text);
            foreach (var topic in topics)
            {
                if (!snapshot.KnownTopics.Contains(topic))
                {
                    (unknownTopics ??= []).Add(topic);
                }
            }

            if (!mention.AuthorIsBrand && snapshot.BrandHandles.Contains(TopicRulesCache.NormalizeHandle(mention.AuthorId)))
            {
                mention = mention with { AuthorIsBrand = true };
            }

            var result = sentiments[i];
            var scored = new ScoredMention(items[i].Sequence, mention, (SentimentLabel)result.Label, result.Score, topics);
            foreach (var topic in topics)
            {
                Add(byTopic, topic, scored);
            }

            Add(byCustomer, mention.AuthorId, scored);
            Add(byConversation, mention.ConversationId, scored);
        }

        if (unknownTopics is not null)
        {
            await GrainFactory.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key).EnsureAsync([.. unknownTopics.Distinct()]);
        }

        return new RoutedBatch(
            batch.Partition,
            items.Length == 0 ? 0 : items[^1].Sequence,
            items.Length,
            ToArrays(byTopic),
            ToArrays(byCustomer),
            ToArrays(byConversation));
    }

    public async Task<AppliedBatch> ApplyAsync(RoutedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var topics = new Task[batch.ByTopic.Count];
        var i = 0;
        foreach (var (topic, mentions) in batch.ByTopic)
        {
            topics[i++] = GrainFactory.GetCachedGrain<IBrandTopicGrain>(topic).ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.TopicKind, topic)));
        }

        var customers = new (ScoredMention[] Mentions, Task<CustomerSummary?> Applied)[batch.ByCustomer.Count];
        i = 0;
        foreach (var (customer, mentions) in batch.ByCustomer)
        {
            customers[i++] = (mentions, GrainFactory.GetCachedGrain<ICustomerGrain>(customer)
                .ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.CustomerKind, customer))));
        }

        var conversations = new (ScoredMention[] Mentions, Task<ConversationSummary?> Applied)[batch.ByConversation.Count];
        i = 0;
        foreach (var (conversation, mentions) in batch.ByConversation)
        {
            conversations[i++] = (mentions, GrainFactory.GetCachedGrain<IConversationGrain>(conversation)
                .ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.ConversationKind, conversation))));
        }

        await Task.WhenAll(topics);
        await Task.WhenAll(customers.Select(c => c.Applied));
        await Task.WhenAll(conversations.Select(c => c.Applied));
        await ListAsync(customers, conversations);
        return new AppliedBatch(batch.LastSequence, [.. batch.ByTopic.Keys], [.. batch.ByCustomer.Keys], [.. batch.ByConversation.Keys]);
    }

    public async Task<AppliedBatch> ApplyInOrderAsync(RoutedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await Task.WhenAll(batch.ByTopic.Select(p => GrainFactory.GetCachedGrain<IBrandTopicGrain>(p.Key)
            .ApplyAsync(new MentionBatch(batch.Partition, p.Value, batch.ExpectedFor(RoutedBatch.TopicKind, p.Key)))));

        var customers = batch.ByCustomer.Select(p => (p.Value, GrainFactory.GetCachedGrain<ICustomerGrain>(p.Key)
            .ApplyAsync(new MentionBatch(batch.Partition, p.Value, batch.ExpectedFor(RoutedBatch.CustomerKind, p.Key))))).ToArray();
        await Task.WhenAll(customers.Select(c => c.Item2));

        var conversations = new (ScoredMention[] Mentions, Task<ConversationSummary?> Applied)[batch.ByConversation.Count];
        var i = 0;
        foreach (var (conversation, mentions) in batch.ByConversation.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var applied = GrainFactory.GetCachedGrain<IConversationGrain>(conversation)
                .ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.ConversationKind, conversation), Flush: true));
            await applied;
            conversations[i++] = (mentions, applied);
        }

        if (caseOptions.Value.ListInTopics)
        {
            await ListAsync(customers, conversations);
        }

        return new AppliedBatch(batch.LastSequence, [.. batch.ByTopic.Keys], [.. batch.ByCustomer.Keys], [.. batch.ByConversation.Keys]);
    }

    /// <summary>
    /// The batch's customers and conversations go to their topics' lists and to the dashboards in one call per
    /// topic (and one to the notifier), not one per grain: a viral topic gets thousands of new sharers per batch.
    /// </summary>
    private async Task ListAsync(
        (ScoredMention[] Mentions, Task<CustomerSummary?> Applied)[] customers,
        (ScoredMention[] Mentions, Task<ConversationSummary?> Applied)[] conversations)
    {
        var customersByTopic = new Dictionary<string, List<CustomerSummary>>(StringComparer.Ordinal);
        foreach (var (mentions, applied) in customers)
        {
            if (applied.Result is { } summary)
            {
                AddPerTopic(customersByTopic, mentions, summary);
            }
        }

        var conversationsByTopic = new Dictionary<string, List<ConversationSummary>>(StringComparer.Ordinal);
        var changed = new List<ConversationSummary>(conversations.Length);
        foreach (var (mentions, applied) in conversations)
        {
            if (applied.Result is { } summary)
            {
                AddPerTopic(conversationsByTopic, mentions, summary);
                changed.Add(summary);
            }
        }

        if (changed.Count > 0)
        {
            await GrainFactory.DashboardNotifier().ConversationsChangedAsync([.. changed]);
        }

        await Task.WhenAll(customersByTopic.Select(p => GrainFactory.GetCachedGrain<ITopicCustomersGrain>(p.Key).UpsertAsync([.. p.Value]))
            .Concat(conversationsByTopic.Select(p => GrainFactory.GetCachedGrain<ITopicConversationsGrain>(p.Key).UpsertAsync([.. p.Value]))));
    }

    private static void AddPerTopic<T>(Dictionary<string, List<T>> byTopic, ScoredMention[] mentions, T summary)
    {
        foreach (var mention in mentions)
        {
            foreach (var topic in mention.Topics)
            {
                if (!byTopic.TryGetValue(topic, out var list))
                {
                    byTopic[topic] = list = [];
                }

                // A grain's mentions of one topic all carry the same summary: list it once per topic.
                if (list.Count == 0 || !ReferenceEquals(list[^1], summary))
                {
                    list.Add(summary);
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<ScoredMention>> map, string key, ScoredMention mention)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(mention);
    }

    private static Dictionary<string, ScoredMention[]> ToArrays(Dictionary<string, List<ScoredMention>> map) =>
        map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
