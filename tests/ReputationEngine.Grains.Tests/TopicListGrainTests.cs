using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Grains.Customers;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TopicListGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task List_WritesOnlyChangedRows_AndReloadsThemAfterDeactivation()
    {
        const string topic = "rows-topic";
        var list = fixture.Grains.GetGrain<ITopicCustomersGrain>(topic);
        await list.UpsertAsync([Customer("tw:a", influence: 0.9), Customer("tw:b", influence: 0.5)]);
        await list.UpsertAsync([Customer("tw:b", influence: 0.7)]);
        await list.RemoveAsync("tw:a");
        // RemoveAsync writes at once; the store now holds only tw:b, at its latest summary.
        var rows = await Store.LoadAsync("customers", topic);
        var row = Assert.Single(rows);
        Assert.Equal("tw:b", row.EntryId);
        Assert.Equal(0.7, Serializer.Deserialize<CustomerSummary>(row.Payload)!.Influence);

        await list.UpsertAsync([Customer("tw:c", influence: 0.2)]);
        await fixture.DeactivateAsync(list);
        var reloaded = await list.ListAsync(CustomerSort.Influence, 10);
        Assert.Equal(["tw:b", "tw:c"], reloaded.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task FullList_EvictsTheLeastInfluential_AndDeletesTheirRows()
    {
        const string topic = "rows-full";
        var list = fixture.Grains.GetGrain<ITopicCustomersGrain>(topic);
        var customers = Enumerable.Range(0, TopicListGrain<CustomerSummary>.MaxEntries)
            .Select(i => Customer($"tw:{i:D4}", influence: i / 10_000.0)).ToArray();
        await list.UpsertAsync(customers);
        await fixture.DeactivateAsync(list);
        Assert.Equal(TopicListGrain<CustomerSummary>.MaxEntries, (await Store.LoadAsync("customers", topic)).Count);

        // One more than fits: the slack's worth of the least influential go, rows included.
        await list.UpsertAsync([Customer("tw:new", influence: 0.99)]);
        await fixture.DeactivateAsync(list);
        var ids = (await Store.LoadAsync("customers", topic)).Select(r => r.EntryId).ToHashSet();
        Assert.Equal(TopicListGrain<CustomerSummary>.MaxEntries - TopicListGrain<CustomerSummary>.EvictionSlack, ids.Count);
        Assert.Contains("tw:new", ids);
        Assert.DoesNotContain("tw:0000", ids);
        Assert.Contains("tw:1999", ids);
    }

    [Fact]
    public async Task ListKeptAsOneGrainStateByAnEarlierVersion_MovesIntoRowsOnce()
    {
        const string topic = "rows-legacy";
        var list = fixture.Grains.GetGrain<ITopicCustomersGrain>(topic);
        var storage = fixture.Service<IServiceProvider>().GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var old = new TopicCustomersState();
        old.Customers["tw:old"] = Customer("tw:old", influence: 0.4);
        var legacy = new GrainState<TopicCustomersState>(old);
        await storage.WriteStateAsync("topicCustomers", ((GrainReference)list).GrainId, legacy);

        var listed = await list.ListAsync(CustomerSort.Influence, 10);
        Assert.Equal("tw:old", Assert.Single(listed).CustomerId);
        Assert.Equal("tw:old", Assert.Single(await Store.LoadAsync("customers", topic)).EntryId);
        var cleared = new GrainState<TopicCustomersState>(new TopicCustomersState());
        await storage.ReadStateAsync("topicCustomers", ((GrainReference)list).GrainId, cleared);
        Assert.False(cleared.RecordExists);
    }

    private ITopicListStore Store => fixture.Service<ITopicListStore>();

    private Serializer Serializer => fixture.Service<Serializer>();

    private static CustomerSummary Customer(string id, double influence) => new()
    {
        CustomerId = id,
        Mentions = 1,
        Influence = influence,
    };
}
