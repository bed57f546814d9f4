using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;

namespace ReputationEngine.Grains.Tests;

public sealed class AlertBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);
    private static readonly AlertWindow Window = new(Now.AddMinutes(-1), Now);

    [Fact]
    public void Raise_Twice_OpensOnceThenUpdatesKeepingHighestSeverity()
    {
        var book = new AlertBook("acme", new AlertBookState());

        var opened = book.Raise(AlertKind.VolumeSpike, 7, Window, 100, 10, AlertEvidence.None, Now);
        var updated = book.Raise(AlertKind.VolumeSpike, 4, new AlertWindow(Now, Now.AddMinutes(1)), 120, 10, AlertEvidence.None, Now.AddMinutes(1));

        Assert.Equal(AlertEvent.Opened, opened.Event);
        Assert.Equal(AlertEvent.Updated, updated.Event);
        Assert.Equal(opened.Alert.Id, updated.Alert.Id);
        Assert.Equal(7, updated.Alert.Severity);
        Assert.Equal(Window.From, updated.Alert.Window.From);
        Assert.Equal(2, updated.Alert.Version);
        Assert.Equal(1, book.ActiveCount);
    }

    [Fact]
    public void Raise_AfterResolve_OpensNewAlertWithNewId()
    {
        var book = new AlertBook("acme", new AlertBookState());
        var first = book.Raise(AlertKind.NegativeSpike, 5, Window, 1, 1, AlertEvidence.None, Now);
        var resolved = book.ResolveKind(AlertKind.NegativeSpike, Now);
        var second = book.Raise(AlertKind.NegativeSpike, 5, Window, 1, 1, AlertEvidence.None, Now);

        Assert.Equal(AlertState.Resolved, resolved!.Alert.State);
        Assert.NotEqual(first.Alert.Id, second.Alert.Id);
        Assert.Equal(AlertEvent.Opened, second.Event);
    }

    [Fact]
    public void Act_AcknowledgeAssignResolve_ChangesStateAndStopsEscalation()
    {
        var book = new AlertBook("acme", new AlertBookState());
        var id = book.Raise(AlertKind.ViralConversation, 6, Window, 1, 1, AlertEvidence.None, Now).Alert.Id;

        Assert.Equal(AlertEvent.Escalated, book.Escalate(id, 1, Now)!.Event);
        Assert.Equal(AlertState.Acknowledged, book.Act(id, AlertAction.Acknowledge, null, Now)!.Alert.State);
        Assert.Null(book.Escalate(id, 2, Now));
        Assert.Equal("sam", book.Act(id, AlertAction.Assign, "sam", Now)!.Alert.Assignee);
        Assert.Equal(AlertState.Resolved, book.Act(id, AlertAction.Resolve, null, Now)!.Alert.State);
        Assert.Null(book.Act(id, AlertAction.Resolve, null, Now));
    }

    [Fact]
    public void AlertIds_Create_NamesTheTopic()
    {
        var id = AlertIds.Create("acme.eu", AlertKind.SlaBreach, 3);
        Assert.Equal("acme.eu~slaBreach~3", id);
        Assert.True(AlertIds.TryGetTopic(id, out var topic));
        Assert.Equal("acme.eu", topic);
    }
}
