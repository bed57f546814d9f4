using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using ReputationEngine.Grains.Dashboard;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Customers;
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
public sealed class IngestWorkerGrain(
    ISentimentScorer scorer, TopicRulesCache rules, PendingSeeds pendingSeeds, IOptions<CaseGrainOptions> caseOptions, IServiceProvider services)
    : Grain, IIngestWorkerGrain
{
    private readonly ConversationSeeder _seeder = ActivatorUtilities.CreateInstance<ConversationSeeder>(services);
    private readonly CustomerSeeder _customers = ActivatorUtilities.CreateInstance<CustomerSeeder>(services);

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
        var topics = TopicBatches.ApplyAsync(GrainFactory, batch);
        var cases = ApplyCasesAsync(batch);
        await Task.WhenAll(topics, cases);
        return cases.Result with { Topics = topics.Result.Topics };
    }

    public async Task<AppliedBatch> ApplyCasesAsync(RoutedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var customers = ApplyCustomers(batch);

        // Most conversations a batch starts never get a second message: those are written without activating their grains.
        var throughGrains = new List<(string Id, ScoredMention[] Mentions, Task? Pending)>(batch.ByConversation.Count);
        var seeds = SplitSeeds(batch, throughGrains);
        var conversations = throughGrains.Select(c => (Id: c.Id, c.Mentions, Applied: ApplyConversationAsync(batch, c.Id, c.Mentions, c.Pending))).ToList();
        var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seeding = seeds.Count > 0 ? _seeder.SeedAsync(batch.Partition, batch.LastSequence, seeds, InfluenceAsync(customers), listed.Task) : null;
        await Task.WhenAll(customers.Select(c => c.Applied));
        var seeded = new List<(ScoredMention[] Mentions, Task<ConversationSummary?> Applied)>(seeds.Count);
        if (seeding is not null)
        {
            var summaries = await seeding;
            for (var s = 0; s < seeds.Count; s++)
            {
                var (conversation, root) = seeds[s];
                if (summaries[s] is { } summary)
                {
                    seeded.Add(([root], Task.FromResult<ConversationSummary?>(summary)));
                }
                else
                {
                    conversations.Add((conversation, [root], ApplyConversationAsync(batch, conversation, [root], null)));
                }
            }
        }

        await Task.WhenAll(conversations.Select(c => c.Applied));
        try
        {
            await ListAsync(customers, [.. conversations.Select(c => (c.Mentions, c.Applied)), .. seeded]);
        }
        finally
        {
            listed.SetResult();
        }

        // Seeded conversations are the partition checkpoint's to wait for (PendingSeeds), not its grains' to flush.
        return new AppliedBatch(batch.LastSequence, [], ThroughCustomerGrains(customers), [.. conversations.Select(c => c.Id)]);
    }

    /// <summary>
    /// Each author's mentions, written as a seed where the author is new (<see cref="CustomerSeeder"/>), through the
    /// customer grain otherwise.
    /// </summary>
    private (string Id, ScoredMention[] Mentions, Task<CustomerApplied> Applied)[] ApplyCustomers(RoutedBatch batch)
    {
        var customers = new (string, ScoredMention[], Task<CustomerApplied>)[batch.ByCustomer.Count];
        var i = 0;
        foreach (var (customer, mentions) in batch.ByCustomer)
        {
            customers[i++] = (customer, mentions, _customers.ApplyAsync(batch.Partition, customer, mentions, batch.ExpectedFor(RoutedBatch.CustomerKind, customer)));
        }

        return customers;
    }

    /// <summary>The customers the checkpoint must flush: seeded ones were written whole when their batch applied.</summary>
    private static string[] ThroughCustomerGrains((string Id, ScoredMention[] Mentions, Task<CustomerApplied> Applied)[] customers) =>
        [.. customers.Where(c => c.Applied.Result.ThroughGrain).Select(c => c.Id)];

    /// <summary>The batch's authors' influence once their customers have applied it.</summary>
    private static async Task<IReadOnlyDictionary<string, double>> InfluenceAsync((string Id, ScoredMention[] Mentions, Task<CustomerApplied> Applied)[] customers)
    {
        await Task.WhenAll(customers.Select(c => c.Applied));
        var influence = new Dictionary<string, double>(customers.Length, StringComparer.Ordinal);
        foreach (var (id, _, applied) in customers)
        {
            if (applied.Result.Summary is { } summary)
            {
                influence[id] = summary.Influence;
            }
        }

        return influence;
    }

    /// <summary>
    /// Splits the batch's conversations into those a new post starts alone (<see cref="ConversationSeeder"/>) and those
    /// that go through their grains: unless this partition sent them mentions that their grains may not have written
    /// yet. One whose seed is still being written gets its next mentions after that write (or after its post's
    /// application through the grain, if it existed already): the <c>Pending</c> of <paramref name="throughGrains"/>.
    /// </summary>
    private List<(string ConversationId, ScoredMention Root)> SplitSeeds(RoutedBatch batch, List<(string Id, ScoredMention[] Mentions, Task? Pending)> throughGrains)
    {
        var seeds = new List<(string ConversationId, ScoredMention Root)>();
        foreach (var (conversation, mentions) in batch.ByConversation)
        {
            var pending = pendingSeeds.Of(conversation);
            if (pending is null && ConversationSeeder.IsSeedable(conversation, mentions) && batch.ExpectedFor(RoutedBatch.ConversationKind, conversation) == 0)
            {
                seeds.Add((conversation, mentions[0]));
            }
            else
            {
                throughGrains.Add((conversation, mentions, pending));
            }
        }

        return seeds;
    }

    private async Task<ConversationSummary?> ApplyConversationAsync(RoutedBatch batch, string conversation, ScoredMention[] mentions, Task? pendingSeed)
    {
        if (pendingSeed is not null)
        {
            await pendingSeed;
        }

        return await GrainFactory.GetCachedGrain<IConversationGrain>(conversation)
            .ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.ConversationKind, conversation)));
    }

    public async Task<AppliedBatch> ApplyInOrderAsync(RoutedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await TopicBatches.ApplyAsync(GrainFactory, batch);

        var customers = ApplyCustomers(batch);
        await Task.WhenAll(customers.Select(c => c.Applied));

        // New posts' conversations first, all written (or applied through their grains where they existed) before the rest,
        // which go one at a time in id order.
        var throughGrains = new List<(string Id, ScoredMention[] Mentions, Task? Pending)>(batch.ByConversation.Count);
        var seeds = SplitSeeds(batch, throughGrains);
        var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conversations = new List<(ScoredMention[] Mentions, Task<ConversationSummary?> Applied)>(batch.ByConversation.Count);
        try
        {
            if (seeds.Count > 0)
            {
                var summaries = await _seeder.SeedAsync(batch.Partition, batch.LastSequence, seeds, InfluenceAsync(customers), listed.Task);
                await pendingSeeds.WhenDurableAsync(batch.Partition, batch.LastSequence);
                for (var s = 0; s < seeds.Count; s++)
                {
                    if (summaries[s] is { } summary)
                    {
                        conversations.Add(([seeds[s].Root], Task.FromResult<ConversationSummary?>(summary)));
                    }
                    else
                    {
                        throughGrains.Add((seeds[s].ConversationId, [seeds[s].Root], null));
                    }
                }
            }

            foreach (var (conversation, mentions, pending) in throughGrains.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                if (pending is not null)
                {
                    await pending;
                }

                var applied = GrainFactory.GetCachedGrain<IConversationGrain>(conversation)
                    .ApplyAsync(new MentionBatch(batch.Partition, mentions, batch.ExpectedFor(RoutedBatch.ConversationKind, conversation), Flush: true));
                await applied;
                conversations.Add((mentions, applied));
            }

            if (caseOptions.Value.ListInTopics)
            {
                await ListAsync(customers, [.. conversations]);
            }
        }
        finally
        {
            listed.SetResult();
        }

        return new AppliedBatch(batch.LastSequence, [.. batch.ByTopic.Keys], ThroughCustomerGrains(customers), [.. throughGrains.Select(c => c.Id)]);
    }

    /// <summary>
    /// The batch's customers and conversations go to their topics' lists and to the dashboards in one call per
    /// topic (and one to the notifier), not one per grain: a viral topic gets thousands of new sharers per batch.
    /// </summary>
    private async Task ListAsync(
        (string Id, ScoredMention[] Mentions, Task<CustomerApplied> Applied)[] customers,
        (ScoredMention[] Mentions, Task<ConversationSummary?> Applied)[] conversations)
    {
        var customersByTopic = new Dictionary<string, List<CustomerSummary>>(StringComparer.Ordinal);
        foreach (var (_, mentions, applied) in customers)
        {
            if (applied.Result.Summary is { } summary)
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
