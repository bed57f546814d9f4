using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Customers;
using ReputationEngine.Grains.Persistence;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// An activation whose write loses the version race (another activation wrote after it read) can never write again:
/// it must go, so that the next activation starts from what is stored, instead of retrying the stale write forever.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StaleStateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task WriteLosingTheVersionRace_DeactivatesTheGrain_AndTheNextActivationReadsTheStoredState()
    {
        const string id = "tw:stale";
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await customer.ApplyAsync(new MentionBatch("p", [Scored(1, Mention("s1", author: id), SentimentLabel.Neutral, 0)], Flush: true));

        // Another writer moves the stored state on (as a timed-out activation's late write would).
        var storage = fixture.Service<IServiceProvider>().GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = ((GrainReference)customer).GrainId;
        var stored = new GrainState<CustomerState>(new CustomerState());
        await storage.ReadStateAsync("customer", grainId, stored);
        stored.State!.Mentions = 7;
        await storage.WriteStateAsync("customer", grainId, stored);

        // A change outside ingest is written a second later by the grain's own one-shot write, which then loses the race.
        await customer.CreditEngagementAsync(new EngagementCredit(Shares: 3, Replies: 0, SharerFollowers: 300, LatestAt: BaseTime));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        long mentions;
        while ((mentions = (await customer.GetProfileAsync())!.Mentions) != 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(7, mentions);
    }
}
