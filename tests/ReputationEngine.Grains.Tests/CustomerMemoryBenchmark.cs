using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Customers;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// What an active customer costs in memory once read from storage: its lists as objects (the form rows were written in
/// before) against the packed form, the same contents, in the same run (docs/benchmarks.md, "Customers held packed").
/// Reports figures; asserts only that both forms hold the same. Runs when REPUTATION_BENCH=1.
/// </summary>
public sealed class CustomerMemoryBenchmark
{
    private const int Customers = 2_000;

    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Theory]
    [InlineData("a customer seen 15 times", 15)]
    [InlineData("a prolific customer (every list at its bound)", 1_000)]
    public void RetainedPerCustomer_ListsVsPacked_Reported(string kind, int mentions)
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("REPUTATION_BENCH") == "1", "set REPUTATION_BENCH=1 to measure");
        var lists = Serializer.SerializeToArray(State(mentions, packed: false));
        var packed = Serializer.SerializeToArray(State(mentions, packed: true));
        var (listBytes, listHeld) = Retained(lists);
        var (packedBytes, packedHeld) = Retained(packed);
        Assert.Equal(listHeld.Conversations().ToArray(), packedHeld.Conversations().ToArray());
        Assert.Equal(listHeld.History().ToEvents(), packedHeld.History().ToEvents());
        Assert.Equal(listHeld.Recent().NewestFirst().Select(m => m.Text), packedHeld.Recent().NewestFirst().Select(m => m.Text));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"[measure] {kind}, {Customers} read from storage: as lists {listBytes / 1024.0:F1} KB held, {lists.Length / 1024.0:F1} KB stored; "
            + $"packed {packedBytes / 1024.0:F1} KB held, {packed.Length / 1024.0:F1} KB stored; packed/lists held {(double)packedBytes / listBytes:F2}, "
            + $"stored {(double)packed.Length / lists.Length:F2}");
    }

    // Held in memory per customer, each read from its own row as a grain's activation reads it.
    private static (long BytesPerCustomer, CustomerState Sample) Retained(byte[] row)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = new CustomerState[Customers];
        for (var i = 0; i < held.Length; i++)
        {
            held[i] = Serializer.Deserialize<CustomerState>(row)!;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return ((after - before) / Customers, held[0]);
    }

    // A returning author of the soak profile: replies and shares in other people's conversations, posts of their own.
    private static CustomerState State(int mentions, bool packed)
    {
        var random = new Random(mentions);
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var recent = new List<RecentMention>();
        var history = new List<HistoryPoint>();
        var conversations = new List<string>();
        for (var i = 0; i < mentions; i++)
        {
            var id = $"soak-{random.NextInt64(1_000_000_000_000):D12}";
            var conversation = random.Next(3) == 0 ? id : $"soak-{random.NextInt64(1_000_000_000_000):D12}";
            var label = (SentimentLabel)random.Next(3);
            var text = $"@acme order {i} arrived late again, the support chat is useless and nobody answers #fail {new string('x', random.Next(60))}";
            recent.Add(new RecentMention(id, start.AddMinutes(i), text, label, (float)random.NextDouble(), conversation, [$"topic-{random.Next(100):D3}"]));
            history.Add(new HistoryPoint(start.AddMinutes(i), label, (float)random.NextDouble()));
            conversations.Add(conversation);
        }

        var (recentKept, historyKept, conversationsKept) = (
            recent.TakeLast(CustomerGrain.MaxRecentMentions).ToList(), history.TakeLast(CustomerGrain.MaxHistory).ToList(),
            conversations.TakeLast(CustomerGrain.MaxConversations).ToList());
        var state = new CustomerState { Mentions = mentions, Topics = ["topic-001"] };
        if (packed)
        {
            state.PackedRecent = RecentMentionLog.From(recentKept, CustomerGrain.MaxRecentMentions);
            state.PackedHistory = SentimentHistoryLog.From(historyKept, CustomerGrain.MaxHistory);
            state.PackedConversations = ConversationIdLog.From(conversationsKept, CustomerGrain.MaxConversations);
        }
        else
        {
            (state.LegacyRecent, state.LegacyHistory, state.LegacyConversations) = (recentKept, historyKept, conversationsKept);
        }

        return state;
    }
}
