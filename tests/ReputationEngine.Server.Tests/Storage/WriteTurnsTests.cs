using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Tests.Storage;

public sealed class WriteTurnsTests
{
    [Fact]
    public async Task Release_WithBulkAndUrgentWaiting_GivesTheTurnToTheUrgentOneFirst()
    {
        var turns = new WriteTurns();
        await turns.WaitAsync(urgent: false);
        var bulk = turns.WaitAsync(urgent: false);
        var urgent = turns.WaitAsync(urgent: true);
        Assert.False(bulk.IsCompleted);
        Assert.False(urgent.IsCompleted);

        turns.Release();
        await urgent.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bulk.IsCompleted);

        turns.Release();
        await bulk.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_SameClass_FirstComeFirstServed()
    {
        var turns = new WriteTurns();
        await turns.WaitAsync(urgent: false);
        var first = turns.WaitAsync(urgent: false);
        var second = turns.WaitAsync(urgent: false);

        turns.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        turns.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_CancelledWaiter_PassesTheTurnOn()
    {
        var turns = new WriteTurns();
        await turns.WaitAsync(urgent: false);
        using var giveUp = new CancellationTokenSource();
        var cancelled = turns.WaitAsync(urgent: true, giveUp.Token);
        var next = turns.WaitAsync(urgent: false);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        turns.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_NobodyWaiting_FreesTheTurn()
    {
        var turns = new WriteTurns();
        await turns.WaitAsync(urgent: false);
        turns.Release();
        Assert.True(turns.WaitAsync(urgent: false).IsCompletedSuccessfully);
    }
}
