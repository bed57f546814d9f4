using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Customers;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// A customer's conversation list (most recent last, each once, bounded): the same order whether the grain scans the list
/// or, for a long one, keeps an index of it — across revisits, the bound, and a reactivation (the index is not stored).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerConversationListTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Apply_ManyConversationsWithRevisits_KeepsMostRecentLastEachOnceWithinTheBound()
    {
        const string author = "tw:prolific";
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        var expected = new List<string>();
        var random = new Random(11);
        var sequence = 0L;
        for (var batch = 0; batch < 16; batch++)
        {
            var mentions = new List<ScoredMention>();
            for (var i = 0; i < 100; i++)
            {
                // Mostly new conversations, some revisits of recent and of old ones (including the one just seen).
                var conversation = random.Next(4) == 0 && expected.Count > 0 ? expected[random.Next(expected.Count)] : $"c{batch}-{i}";
                sequence++;
                mentions.Add(Scored(sequence, Mention($"m{sequence}", author: author, seconds: (int)sequence, conversation: conversation), SentimentLabel.Neutral, 0));
                expected.Remove(conversation);
                expected.Add(conversation);
                if (expected.Count > CustomerGrain.MaxConversations)
                {
                    expected.RemoveAt(0);
                }
            }

            await customer.ApplyAsync(new MentionBatch("list-test", [.. mentions], Flush: true));
            if (batch == 8)
            {
                // Written (Flush), so the next activation reads the list and builds its index afresh.
                await fixture.DeactivateAsync(customer);
            }
        }

        Assert.Equal(CustomerGrain.MaxConversations, expected.Count);
        Assert.Equal(expected, await customer.GetConversationIdsAsync());
    }
}
