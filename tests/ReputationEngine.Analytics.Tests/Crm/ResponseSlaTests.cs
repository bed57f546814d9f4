using ReputationEngine.Analytics.Crm;

namespace ReputationEngine.Analytics.Tests.Crm;

public sealed class ResponseSlaTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_UnansweredNegativePastLimit_IsBreached()
    {
        var conversation = new SlaCase(Asked, null, HasNegativeCustomerMessage: true, Resolved: false, CustomerInfluence: 0.1);

        var before = ResponseSla.Evaluate(conversation, SlaSettings.Default, Asked.AddMinutes(60));
        var after = ResponseSla.Evaluate(conversation, SlaSettings.Default, Asked.AddMinutes(61));

        Assert.False(before.Breached);
        Assert.Equal(Asked.AddMinutes(60), before.DueAt);
        Assert.True(after.Breached);
        Assert.Equal(SlaSettings.DefaultSeverity, after.Severity);
    }

    [Fact]
    public void Evaluate_InfluentialCustomer_HasStricterLimitAndHigherSeverity()
    {
        var conversation = new SlaCase(Asked, null, true, false, 0.9);

        var status = ResponseSla.Evaluate(conversation, SlaSettings.Default, Asked.AddMinutes(16));

        Assert.True(status.Breached);
        Assert.True(status.Influential);
        Assert.Equal(TimeSpan.FromMinutes(15), status.Limit);
        Assert.Equal(SlaSettings.DefaultSeverity + SlaSettings.InfluentialSeverityBonus, status.Severity);
    }

    [Fact]
    public void Evaluate_AnsweredLate_IsBreachedAnsweredInTime_IsNot()
    {
        var late = new SlaCase(Asked, Asked.AddMinutes(90), true, false, 0);
        var inTime = new SlaCase(Asked, Asked.AddMinutes(30), true, false, 0);

        Assert.True(ResponseSla.Evaluate(late, SlaSettings.Default, Asked.AddHours(5)).Breached);
        Assert.False(ResponseSla.Evaluate(inTime, SlaSettings.Default, Asked.AddHours(5)).Breached);
    }

    [Fact]
    public void Evaluate_NotNegativeOrResolvedOrDisabled_DoesNotApply()
    {
        var settings = SlaSettings.From(new Dictionary<string, double> { [SlaSettings.FirstResponseMinutesKey] = 0 });

        Assert.Null(ResponseSla.Evaluate(new SlaCase(Asked, null, false, false, 0), SlaSettings.Default, Asked.AddDays(1)).DueAt);
        Assert.Null(ResponseSla.Evaluate(new SlaCase(Asked, null, true, true, 0), SlaSettings.Default, Asked.AddDays(1)).DueAt);
        Assert.Null(ResponseSla.Evaluate(new SlaCase(Asked, null, true, false, 0), settings, Asked.AddDays(1)).DueAt);
    }

    [Fact]
    public void From_TopicAlerting_OverridesDefaults()
    {
        var settings = SlaSettings.From(new Dictionary<string, double>
        {
            [SlaSettings.FirstResponseMinutesKey] = 30,
            [SlaSettings.NegativeOnlyKey] = 0,
            ["volumeOpenZ"] = 6,
        });

        Assert.Equal(30, settings.FirstResponseMinutes);
        Assert.False(settings.NegativeOnly);
        Assert.Equal(SlaSettings.DefaultInfluentialFirstResponseMinutes, settings.InfluentialFirstResponseMinutes);
        Assert.True(ResponseSla.Evaluate(new SlaCase(Asked, null, false, false, 0), settings, Asked.AddMinutes(31)).Breached);
    }

    [Fact]
    public void EventNow_AdvancesEventTimeByWallClockSilence()
    {
        var observed = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(Asked.AddMinutes(5), ResponseSla.EventNow(Asked, observed, observed.AddMinutes(5)));
        Assert.Equal(Asked, ResponseSla.EventNow(Asked, observed, observed.AddMinutes(-1)));
    }
}
